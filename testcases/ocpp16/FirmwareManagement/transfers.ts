// Limits for the firmware and diagnostics cases. The OCTT document gives no time for a
// download, an installation (with its reboot) or an upload: a real charger may take minutes,
// so each status may take this long (spec seconds; scaled in simulated runs) before a case
// gives up. A conformant SUT costs nothing extra: an expectation ends when its message comes.
export const TRANSFER_S = 300;

/** Where OCTT points a charger for a transfer that must fail (TC_044_2_CS, TC_045_2_CS): nothing should listen there. */
export const FAILING_DOWNLOAD = 'ftp://127.0.0.1:21/download_fail.fwi';
export const FAILING_UPLOAD = 'ftp://127.0.0.1:21/files/failedLocation';
