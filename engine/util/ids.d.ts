export declare function newId(prefix: string): string;
