/** Pilote's version, shown in the sidebar and stored in the workbook by setup. */
export const APP_VERSION = '0.1.0';
