-- The postal tables live in src/postal-region/data (compiled in memory); this table was never filled.
DROP TABLE `Region`;
