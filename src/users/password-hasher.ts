import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): about 50 ms per hash on our machines.
// @node-rs/argon2 ships its binary as a per-platform npm package, so it installs and loads
// without any install script or compiler.
// algorithm 2 is Argon2id (the package exports it as a const enum, which isolatedModules cannot inline).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password).catch(() => false);
  }

  // An unknown username still costs one argon2 verification, so response time does not
  // tell an attacker which usernames exist.
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('no-such-user-placeholder');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
