import type { FindingCounts, OcppVersion, ValidationReport } from '../../api/model';
export interface ValidateOptions {
    /** Judge every session as this version instead of its negotiated subprotocol. */
    version?: OcppVersion;
}
export declare function emptyCounts(): FindingCounts;
export declare function validateCapture(path: string, options?: ValidateOptions): Promise<ValidationReport>;
