/**
 * Message catalogues (ICU subset, see i18n.ts). French is the reference: every key exists in
 * French, and the English catalogue must have the same keys (checked by the type).
 * French typography: a no-break space (U+00A0) before « : ; ? ! » and inside « ».
 */
export const messagesFr = {
  'app.name': 'Pilote',
  'menu.open': 'Ouvrir Pilote',
  'menu.setup': 'Installer ou mettre à jour le classeur',
  'menu.editSelection': 'Modifier la ligne sélectionnée',
  'menu.help': 'Aide',
  'sidebar.title': 'Pilote',
  'sidebar.loading': 'Chargement…',
  'sidebar.workbook': 'Classeur\u00a0: {name}',
  'sidebar.ready': 'Pilote est prêt.',
  'sidebar.serverTime': 'Réponse du serveur en {ms, number}\u00a0ms',
  'error.internal':
    'Une erreur inattendue est survenue. Réessayez\u00a0; si elle persiste, signalez-la avec l’heure exacte.',
  'error.busy': 'Le classeur est occupé par une autre modification. Réessayez dans quelques secondes.',
  'error.invalidArgument': 'Requête invalide\u00a0: {detail}',
  'error.unknownFunction': 'Fonction inconnue\u00a0: {name}',
  'error.newerWorkbook':
    'Ce classeur a été mis à jour par une version plus récente de Pilote (schéma {found}, cette version connaît le schéma {known}). Mettez Pilote à jour avant d’y écrire.',
  'error.timeout':
    'L’opération a pris trop de temps et a été interrompue. Aucune donnée partielle n’a été écrite.',
  'error.workbookNotSetUp':
    'La feuille «\u00a0{sheet}\u00a0» est introuvable. Lancez Extensions → Pilote → Installer ou mettre à jour le classeur.',
  'error.workbookDamaged':
    'La ligne des clés de la feuille «\u00a0{sheet}\u00a0» a été modifiée. Lancez Extensions → Pilote → Installer ou mettre à jour le classeur pour la réparer.',
  'error.tableFull':
    'La feuille «\u00a0{sheet}\u00a0» est pleine. Lancez Extensions → Pilote → Installer ou mettre à jour le classeur pour l’agrandir.',
  'error.recordNotFound':
    'La fiche {id} n’existe plus dans «\u00a0{sheet}\u00a0». Elle a peut-être été supprimée.',
  'error.unknownSheet': 'Type de fiche inconnu\u00a0: {sheet}',
  'error.validation': '{n, plural, one {Un champ est à corriger.} other {# champs sont à corriger.}}',
  'error.unknownField': 'Le champ «\u00a0{field}\u00a0» n’existe pas pour ce type de fiche.',
  'setup.done':
    'Classeur prêt\u00a0: {created, plural, =0 {aucune feuille créée} one {# feuille créée} other {# feuilles créées}}, {columns, plural, =0 {aucune colonne ajoutée} one {# colonne ajoutée} other {# colonnes ajoutées}}.',
  'journal.created': '{sheet}\u00a0: création de «\u00a0{label}\u00a0»',
  'journal.updated': '{sheet}\u00a0: modification de «\u00a0{label}\u00a0» ({fields})',
  'journal.setup': 'Mise à jour du classeur vers le schéma {version}',
  'error.demoNotEmpty':
    'Le classeur contient déjà des fiches\u00a0: les données d’exemple ne se chargent que dans un classeur vide.',
  'demo.loaded':
    'Données d’exemple chargées\u00a0: {n, plural, one {# fiche} other {# fiches}} de «\u00a0La Fabrique des Possibles\u00a0».',
  'menu.demo': 'Charger des données d’exemple',
  'count.records': '{n, plural, =0 {aucun enregistrement} one {# enregistrement} other {# enregistrements}}',
} as const;

export const messagesEn: Record<keyof typeof messagesFr, string> = {
  'app.name': 'Pilote',
  'menu.open': 'Open Pilote',
  'menu.setup': 'Set up or update the workbook',
  'menu.editSelection': 'Edit the selected row',
  'menu.help': 'Help',
  'sidebar.title': 'Pilote',
  'sidebar.loading': 'Loading…',
  'sidebar.workbook': 'Workbook: {name}',
  'sidebar.ready': 'Pilote is ready.',
  'sidebar.serverTime': 'Server answered in {ms, number} ms',
  'error.internal': 'An unexpected error occurred. Try again; if it persists, report it with the exact time.',
  'error.busy': 'The workbook is busy with another change. Try again in a few seconds.',
  'error.invalidArgument': 'Invalid request: {detail}',
  'error.unknownFunction': 'Unknown function: {name}',
  'error.newerWorkbook':
    'This workbook was updated by a newer version of Pilote (schema {found}; this version knows schema {known}). Update Pilote before writing to it.',
  'error.timeout': 'The operation took too long and was stopped. No partial data was written.',
  'error.workbookNotSetUp':
    'The sheet “{sheet}” cannot be found. Run Extensions → Pilote → Set up or update the workbook.',
  'error.workbookDamaged':
    'The key row of the sheet “{sheet}” was changed. Run Extensions → Pilote → Set up or update the workbook to repair it.',
  'error.tableFull':
    'The sheet “{sheet}” is full. Run Extensions → Pilote → Set up or update the workbook to enlarge it.',
  'error.recordNotFound': 'Record {id} no longer exists in “{sheet}”. It may have been deleted.',
  'error.unknownSheet': 'Unknown record type: {sheet}',
  'error.validation': '{n, plural, one {One field needs fixing.} other {# fields need fixing.}}',
  'error.unknownField': 'The field “{field}” does not exist for this record type.',
  'setup.done':
    'Workbook ready: {created, plural, =0 {no sheet created} one {# sheet created} other {# sheets created}}, {columns, plural, =0 {no column added} one {# column added} other {# columns added}}.',
  'journal.created': '{sheet}: created “{label}”',
  'journal.updated': '{sheet}: updated “{label}” ({fields})',
  'journal.setup': 'Workbook updated to schema {version}',
  'error.demoNotEmpty': 'The workbook already holds records: demo data only loads into an empty workbook.',
  'demo.loaded':
    'Demo data loaded: {n, plural, one {# record} other {# records}} of “La Fabrique des Possibles”.',
  'menu.demo': 'Load demo data',
  'count.records': '{n, plural, =0 {no records} one {# record} other {# records}}',
};
