/**
 * OAuth scopes per Apps Script method: every method the emulator implements → the scopes any one
 * of which allows it, from the « Authorization » section of its reference page ("Scripts that use
 * this method require authorization with one or more of the following scopes"). `[]` means the
 * page lists no scope for that method. A member missing from the table is not Apps Script API:
 * the membrane hides it from the script (tests/emulator/scopes.test.ts fails on any emulated
 * public method without an entry, so the table cannot silently go stale).
 *
 * Other services contribute their own table (`CALENDAR_SCOPES`, …) merged with
 * {@link mergeScopeTables}; keys are Google's class names (`Calendar.Events.insert`).
 */

/** `'Class.method'` → the scopes any one of which suffices (`[]`: none needed). */
export type ScopeTable = Readonly<
  Record<string /* 'Class.method' */, readonly string[] /* any one suffices */>
>;

const AUTH = 'https://www.googleapis.com/auth/';

/** The scopes the table uses, by short name. */
export const SCOPE = {
  sheetsCurrentOnly: `${AUTH}spreadsheets.currentonly`,
  sheets: `${AUTH}spreadsheets`,
  containerUi: `${AUTH}script.container.ui`,
  userEmail: `${AUTH}userinfo.email`,
  scriptApp: `${AUTH}script.scriptapp`,
  sendMail: `${AUTH}script.send_mail`,
} as const;

/** The bound spreadsheet: the narrow scope first, as Google prints them. */
const CURRENT_SHEET = [SCOPE.sheetsCurrentOnly, SCOPE.sheets] as const;
const NONE: readonly string[] = [];

function entries(className: string, methods: readonly string[], scopes: readonly string[]): ScopeTable {
  return Object.fromEntries(methods.map((m) => [`${className}.${m}`, scopes]));
}

/** Merges tables; a key present twice with different scopes is a mistake and throws. */
export function mergeScopeTables(...tables: ScopeTable[]): ScopeTable {
  const out: Record<string, readonly string[]> = {};
  for (const table of tables) {
    for (const [key, scopes] of Object.entries(table)) {
      const known = out[key];
      if (known && (known.length !== scopes.length || known.some((s, i) => s !== scopes[i]))) {
        throw new Error(`scope table: ${key} declared twice with different scopes`);
      }
      out[key] = scopes;
    }
  }
  return Object.freeze(out);
}

/**
 * Google's class name of an emulator object: `constructor.googleClassName` when the class
 * declares one (e.g. `'Calendar.Events'`), else the constructor's name without the `Emu` prefix
 * or `Emulator` suffix (`EmuRange` → `Range`, `SessionEmulator` → `Session`).
 */
export function googleClassName(target: object): string {
  const ctor = (target as { constructor?: { name?: string; googleClassName?: unknown } }).constructor;
  if (typeof ctor?.googleClassName === 'string') return ctor.googleClassName;
  const name = ctor?.name ?? 'Object';
  return name.replace(/^Emu(?=[A-Z])/, '').replace(/Emulator$/, '') || name;
}

/**
 * `Required permissions: <scope>` or, when several would do, `(<a> || <b>)` — the form of
 * Google's messages as reported publicly, e.g. "Required permissions:
 * (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)".
 */
export function requiredPermissions(scopes: readonly string[]): string {
  return scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
}

/**
 * The script's manifest lists explicit `oauthScopes` and none of them allows the call. Text as
 * reported publicly for that case ("Specified permissions are not sufficient to call
 * Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email",
 * "… to call MailApp.getRemainingDailyQuota. Required permissions: …/auth/script.send_mail",
 * "… to call DriveApp.getRootFolder. Required permissions: (…/drive.readonly || …/drive)").
 */
export function insufficientScopesMessage(member: string, scopes: readonly string[]): string {
  return `Specified permissions are not sufficient to call ${member}. Required permissions: ${requiredPermissions(scopes)}`;
}

/**
 * The execution was not granted the scope (a simple trigger, an add-on not yet authorised in the
 * document). Text as reported publicly ("You do not have permission to call UrlFetchApp.fetch.
 * Required permissions: https://www.googleapis.com/auth/script.external_request" in a simple
 * trigger; "… to call SpreadsheetApp.getActiveSpreadsheet. Required permissions:
 * (…/spreadsheets.currentonly || …/spreadsheets)"). Recent reports append ". For more
 * information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is";
 * the emulator leaves it out (unverified whether every case carries it). For a member whose page
 * lists no scope (refused in AuthMode.NONE), the text is unverified.
 */
export function noPermissionMessage(member: string, scopes: readonly string[]): string {
  return scopes.length === 0
    ? `You do not have permission to call ${member}`
    : `You do not have permission to call ${member}. Required permissions: ${requiredPermissions(scopes)}`;
}

// ── Spreadsheet service ──────────────────────────────────────────────────────────────────────
// developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app, …/spreadsheet,
// …/sheet, …/range, …/named-range, …/protection, …/developer-metadata(-finder|-location),
// …/embedded-chart: every method that reads or changes the document lists
// spreadsheets.currentonly and spreadsheets; openById and create list spreadsheets only (they
// reach other files). Builders and value objects (…/data-validation-builder,
// …/data-validation, …/conditional-format-rule-builder, …/boolean-condition,
// …/embedded-chart-builder) are taken to list none, and so are newDataValidation and
// newConditionalFormatRule (unverified per method: the stricter choice was taken wherever a
// method touches the document).

const SPREADSHEET_APP: ScopeTable = mergeScopeTables(
  entries(
    'SpreadsheetApp',
    ['getActiveSpreadsheet', 'getActive', 'getActiveSheet', 'getActiveRange', 'flush'],
    CURRENT_SHEET,
  ),
  entries('SpreadsheetApp', ['create', 'openById'], [SCOPE.sheets]),
  // getUi has no Authorization section: add-ons build their menu with it in AuthMode.NONE.
  entries('SpreadsheetApp', ['getUi', 'newDataValidation', 'newConditionalFormatRule'], NONE),
);

const SPREADSHEET: ScopeTable = entries(
  'Spreadsheet',
  [
    'getId',
    'getName',
    'rename',
    'getUrl',
    'getSpreadsheetLocale',
    'setSpreadsheetLocale',
    'getSpreadsheetTimeZone',
    'setSpreadsheetTimeZone',
    'getSheets',
    'getNumSheets',
    'getSheetByName',
    'getSheetById',
    'insertSheet',
    'deleteSheet',
    'getActiveSheet',
    'setActiveSheet',
    'getActiveRange',
    'getCurrentCell',
    'setActiveSelection',
    'getRange',
    'getRangeByName',
    'setNamedRange',
    'getNamedRanges',
    'removeNamedRange',
    'addDeveloperMetadata',
    'getDeveloperMetadata',
    'createDeveloperMetadataFinder',
    'getProtections',
    'toast',
  ],
  CURRENT_SHEET,
);

const SHEET: ScopeTable = entries(
  'Sheet',
  [
    'getName',
    'setName',
    'getSheetId',
    'getIndex',
    'getParent',
    'getRange',
    'getDataRange',
    'getLastRow',
    'getLastColumn',
    'getMaxRows',
    'getMaxColumns',
    'insertRowsAfter',
    'insertRowsBefore',
    'insertRowAfter',
    'insertRowBefore',
    'insertRows',
    'insertColumnsAfter',
    'insertColumnsBefore',
    'insertColumnAfter',
    'insertColumnBefore',
    'insertColumns',
    'deleteRows',
    'deleteRow',
    'deleteColumns',
    'deleteColumn',
    'appendRow',
    'getFrozenRows',
    'setFrozenRows',
    'getFrozenColumns',
    'setFrozenColumns',
    'getColumnWidth',
    'setColumnWidth',
    'setColumnWidths',
    'hideColumns',
    'showColumns',
    'isColumnHiddenByUser',
    'hideRows',
    'showRows',
    'isRowHiddenByUser',
    'getRowHeight',
    'setRowHeight',
    'protect',
    'getProtections',
    'getConditionalFormatRules',
    'setConditionalFormatRules',
    'clear',
    'clearContents',
    'addDeveloperMetadata',
    'getDeveloperMetadata',
    'createDeveloperMetadataFinder',
    'setTabColor',
    'getTabColor',
    'newChart',
    'getCharts',
    'insertChart',
    'updateChart',
    'removeChart',
    'activate',
    'setActiveRange',
    'setActiveSelection',
    'getActiveRange',
  ],
  CURRENT_SHEET,
);

const RANGE: ScopeTable = entries(
  'Range',
  [
    'getRow',
    'getColumn',
    'getNumRows',
    'getNumColumns',
    'getLastRow',
    'getLastColumn',
    'getA1Notation',
    'getSheet',
    'getGridId',
    'offset',
    'getCell',
    'getValue',
    'getValues',
    'getDisplayValue',
    'getDisplayValues',
    'isBlank',
    'setValue',
    'setValues',
    'getFormula',
    'getFormulas',
    'setFormula',
    'setFormulas',
    'getNumberFormat',
    'getNumberFormats',
    'setNumberFormat',
    'setNumberFormats',
    'getDataValidation',
    'getDataValidations',
    'setDataValidation',
    'setDataValidations',
    'clearDataValidations',
    'clearContent',
    'clear',
    'clearFormat',
    'clearNote',
    'setNote',
    'getNote',
    'setFontWeight',
    'setFontWeights',
    'getFontWeight',
    'setFontColor',
    'setBackground',
    'setBackgrounds',
    'getBackground',
    'setWrap',
    'setHorizontalAlignment',
    'protect',
    'activate',
    'addDeveloperMetadata',
    'getDeveloperMetadata',
    'getNextDataCell',
    'createTextFinder',
  ],
  CURRENT_SHEET,
);

const DOCUMENT_OBJECTS: ScopeTable = mergeScopeTables(
  // developers.google.com/apps-script/reference/spreadsheet/text-finder: every method lists the
  // spreadsheet scopes, the option setters included (unverified for the setters: stricter choice).
  entries(
    'TextFinder',
    [
      'matchCase',
      'matchEntireCell',
      'ignoreDiacritics',
      'matchFormulaText',
      'useRegularExpression',
      'findAll',
      'findNext',
      'findPrevious',
    ],
    CURRENT_SHEET,
  ),
  entries('NamedRange', ['getName', 'getRange', 'setName', 'setRange', 'remove'], CURRENT_SHEET),
  entries(
    'Protection',
    [
      'getProtectionType',
      'getDescription',
      'setDescription',
      'isWarningOnly',
      'setWarningOnly',
      'getEditors',
      'addEditor',
      'addEditors',
      'removeEditor',
      'removeEditors',
      'canDomainEdit',
      'setDomainEdit',
      'canEdit',
      'getRange',
      'setRange',
      'getUnprotectedRanges',
      'setUnprotectedRanges',
      'remove',
    ],
    CURRENT_SHEET,
  ),
  entries(
    'DeveloperMetadata',
    [
      'getId',
      'getKey',
      'getValue',
      'getVisibility',
      'getLocation',
      'setKey',
      'setValue',
      'setVisibility',
      'remove',
      'moveToColumn',
      'moveToRow',
      'moveToSheet',
      'moveToSpreadsheet',
    ],
    CURRENT_SHEET,
  ),
  entries(
    'DeveloperMetadataFinder',
    ['withKey', 'withValue', 'withId', 'withLocationType', 'withVisibility', 'find'],
    CURRENT_SHEET,
  ),
  entries(
    'DeveloperMetadataLocation',
    ['getLocationType', 'getSpreadsheet', 'getSheet', 'getColumn', 'getRow'],
    CURRENT_SHEET,
  ),
  // embedded-chart: a chart placed on the sheet (unverified per method; the stricter choice).
  entries('EmbeddedChart', ['getChartId', 'getRanges', 'getOptions', 'modify'], CURRENT_SHEET),
);

const BUILDERS_AND_VALUES: ScopeTable = mergeScopeTables(
  entries(
    'EmbeddedChartBuilder',
    [
      'addRange',
      'clearRanges',
      'setChartType',
      'asColumnChart',
      'asBarChart',
      'asLineChart',
      'asPieChart',
      'asAreaChart',
      'asComboChart',
      'setOption',
      'setTitle',
      'setNumHeaders',
      'setPosition',
      'getChartType',
      'getRanges',
      'build',
    ],
    NONE,
  ),
  entries(
    'ConditionalFormatRuleBuilder',
    [
      'whenFormulaSatisfied',
      'whenCellEmpty',
      'whenCellNotEmpty',
      'whenTextEqualTo',
      'whenNumberLessThan',
      'whenNumberGreaterThan',
      'whenNumberEqualTo',
      'whenNumberBetween',
      'whenTextContains',
      'whenDateBefore',
      'whenDateAfter',
      'whenDateEqualTo',
      'setBackground',
      'setFontColor',
      'setBold',
      'setRanges',
      'build',
    ],
    NONE,
  ),
  entries(
    'ConditionalFormatRule',
    ['copy', 'getBooleanCondition', 'getGradientCondition', 'getRanges'],
    NONE,
  ),
  entries(
    'BooleanCondition',
    ['getCriteriaType', 'getCriteriaValues', 'getBackground', 'getFontColor', 'getBold'],
    NONE,
  ),
  entries(
    'DataValidationBuilder',
    [
      'requireValueInList',
      'requireValueInRange',
      'requireNumberBetween',
      'requireNumberGreaterThanOrEqualTo',
      'requireNumberGreaterThan',
      'requireNumberLessThanOrEqualTo',
      'requireDate',
      'requireDateAfter',
      'requireDateBefore',
      'requireDateOnOrAfter',
      'requireDateBetween',
      'requireCheckbox',
      'requireTextIsEmail',
      'requireFormulaSatisfied',
      'setAllowInvalid',
      'setHelpText',
      'getAllowInvalid',
      'getHelpText',
      'build',
    ],
    NONE,
  ),
  entries(
    'DataValidation',
    ['copy', 'getAllowInvalid', 'getCriteriaType', 'getCriteriaValues', 'getHelpText'],
    NONE,
  ),
  // Enum constants (…/spreadsheet/protection-type and the other enum pages): name(), ordinal(),
  // toString(); toJSON is what JSON.stringify meets (unverified on Google).
  entries('EnumValue', ['name', 'ordinal', 'toString', 'toJSON'], NONE),
);

// ── Base services ────────────────────────────────────────────────────────────────────────────

// …/reference/base/session: getActiveUser and getEffectiveUser list userinfo.email; the locale,
// time zone and temporary key list none. …/base/user: getEmail lists none (it returns "" where
// the identity is hidden). The spreadsheet's Protection editors are Users too (toString: unverified).
const SESSION: ScopeTable = mergeScopeTables(
  entries('Session', ['getActiveUser', 'getEffectiveUser'], [SCOPE.userEmail]),
  entries('Session', ['getActiveUserLocale', 'getScriptTimeZone', 'getTemporaryActiveUserKey'], NONE),
  entries('User', ['getEmail', 'toString'], NONE),
);

// …/reference/base/ui: alert, prompt and the show* methods list script.container.ui;
// createMenu and createAddonMenu list none. …/base/menu and …/base/prompt-response list none.
const UI: ScopeTable = mergeScopeTables(
  entries(
    'Ui',
    ['alert', 'prompt', 'showSidebar', 'showModalDialog', 'showModelessDialog'],
    [SCOPE.containerUi],
  ),
  entries('Ui', ['createMenu', 'createAddonMenu'], NONE),
  entries('Menu', ['addItem', 'addSeparator', 'addSubMenu', 'addToUi'], NONE),
  entries('PromptResponse', ['getResponseText', 'getSelectedButton'], NONE),
);

// …/reference/html/html-service, …/html-output, …/html-template: no Authorization sections.
const HTML: ScopeTable = mergeScopeTables(
  entries(
    'HtmlService',
    ['createHtmlOutput', 'createHtmlOutputFromFile', 'createTemplate', 'createTemplateFromFile'],
    NONE,
  ),
  entries(
    'HtmlOutput',
    [
      'setTitle',
      'getTitle',
      'setWidth',
      'getWidth',
      'setHeight',
      'getHeight',
      'getContent',
      'setContent',
      'append',
      'appendUntrusted',
      'setSandboxMode',
      'setXFrameOptionsMode',
      'addMetaTag',
      'getMetaTags',
    ],
    NONE,
  ),
  entries('HtmlTemplate', ['evaluate', 'getCode', 'getRawContent'], NONE),
);

// …/reference/properties/properties-service, …/properties; …/cache/cache-service, …/cache;
// …/lock/lock-service, …/lock: no Authorization sections (they are refused in AuthMode.NONE all
// the same, see auth-mode.ts).
const STORAGE: ScopeTable = mergeScopeTables(
  entries('PropertiesService', ['getScriptProperties', 'getUserProperties', 'getDocumentProperties'], NONE),
  entries(
    'Properties',
    [
      'getProperty',
      'getProperties',
      'getKeys',
      'setProperty',
      'setProperties',
      'deleteProperty',
      'deleteAllProperties',
    ],
    NONE,
  ),
  entries('CacheService', ['getScriptCache', 'getUserCache', 'getDocumentCache'], NONE),
  entries('Cache', ['get', 'getAll', 'put', 'putAll', 'remove', 'removeAll'], NONE),
  entries('LockService', ['getScriptLock', 'getUserLock', 'getDocumentLock'], NONE),
  entries('Lock', ['tryLock', 'waitLock', 'hasLock', 'releaseLock'], NONE),
);

// …/reference/utilities/utilities and …/base/blob: no Authorization sections.
const UTILITIES: ScopeTable = mergeScopeTables(
  entries(
    'Utilities',
    [
      'formatDate',
      'formatString',
      'getUuid',
      'sleep',
      'computeDigest',
      'base64Encode',
      'base64EncodeWebSafe',
      'base64Decode',
      'base64DecodeWebSafe',
      'newBlob',
      'parseCsv',
    ],
    NONE,
  ),
  entries(
    'Blob',
    [
      'getBytes',
      'getDataAsString',
      'setDataFromString',
      'getContentType',
      'setContentType',
      'getName',
      'setName',
      'copyBlob',
    ],
    NONE,
  ),
);

// …/reference/script/script-app: newTrigger, getProjectTriggers, getUserTriggers and
// deleteTrigger list script.scriptapp; getOAuthToken and getScriptId list none. The trigger and
// builder pages (…/script/trigger, …/trigger-builder, …/clock-trigger-builder,
// …/spreadsheet-trigger-builder) are taken to list script.scriptapp (unverified per method).
const SCRIPT_APP: ScopeTable = mergeScopeTables(
  entries(
    'ScriptApp',
    ['newTrigger', 'getProjectTriggers', 'getUserTriggers', 'deleteTrigger'],
    [SCOPE.scriptApp],
  ),
  entries('ScriptApp', ['getOAuthToken', 'getScriptId'], NONE),
  entries(
    'Trigger',
    ['getHandlerFunction', 'getEventType', 'getUniqueId', 'getTriggerSource', 'getTriggerSourceId'],
    [SCOPE.scriptApp],
  ),
  entries('TriggerBuilder', ['timeBased', 'forSpreadsheet'], [SCOPE.scriptApp]),
  entries(
    'ClockTriggerBuilder',
    ['everyMinutes', 'everyHours', 'everyDays', 'atHour', 'create'],
    [SCOPE.scriptApp],
  ),
  entries(
    'SpreadsheetTriggerBuilder',
    ['onOpen', 'onEdit', 'onChange', 'onFormSubmit', 'create'],
    [SCOPE.scriptApp],
  ),
);

// …/reference/mail/mail-app: both list script.send_mail (getRemainingDailyQuota also as reported:
// "Specified permissions are not sufficient to call MailApp.getRemainingDailyQuota").
const MAIL: ScopeTable = entries('MailApp', ['sendEmail', 'getRemainingDailyQuota'], [SCOPE.sendMail]);

/** Every Apps Script method the emulator implements (Calendar comes from its own table). */
export const APPS_SCRIPT_SCOPES: ScopeTable = mergeScopeTables(
  SPREADSHEET_APP,
  SPREADSHEET,
  SHEET,
  RANGE,
  DOCUMENT_OBJECTS,
  BUILDERS_AND_VALUES,
  SESSION,
  UI,
  HTML,
  STORAGE,
  UTILITIES,
  SCRIPT_APP,
  MAIL,
);
