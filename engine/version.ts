// The tool's name and version, as written into capture headers and reports.
export const TOOL_NAME = 'ocpp-bench';
export const TOOL_VERSION = '0.1.0';
