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
  'count.records': '{n, plural, =0 {no records} one {# record} other {# records}}',
};
