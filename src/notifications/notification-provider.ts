export interface OutgoingMessage {
  id: number;
  to: string;
  event: string;
  body: string;
}

// `reply` is what the log shows: the gateway's answer, or why there was none.
export interface ProviderResult {
  ok: boolean;
  reply: string;
}

// Sends one message. A failure is a result, never a thrown error: the caller records it.
export interface NotificationProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<ProviderResult>;
}

export const NOTIFICATION_PROVIDER = Symbol('NOTIFICATION_PROVIDER');
