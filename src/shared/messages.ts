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
  'error.tableFull': 'La feuille «\u00a0{sheet}\u00a0» n’a plus assez de lignes libres pour cet import.',
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
  'error.noSelection':
    'Sélectionnez dans le classeur une ligne d’une table Pilote (une réservation, une opération…), puis réessayez.',
  'error.notARecord': 'La ligne {row} de «\u00a0{sheet}\u00a0» ne contient pas de fiche.',
  'domain.bookings': 'Réservations',
  'domain.programme': 'Programme d’actions',
  'domain.budget': 'Budget et opérations',
  'domain.grants': 'Subventions',
  'domain.volunteering': 'Bénévolat',
  'domain.community': 'Structures et contacts',
  'domain.meetings': 'Réunions et documents',
  'domain.communication': 'Communication',
  'domain.site': 'Site (sécurité, maintenance, ouverture, incidents)',
  'domain.initiatives': 'Initiatives',
  'domain.diagnostic': 'Diagnostic',
  'form.domains': 'Domaines',
  'form.table': 'Type de fiche',
  'form.search': 'Rechercher',
  'form.searchHint': 'Nom, objet, intitulé… (sans tenir compte des accents)',
  'form.results': '{n, plural, =0 {Aucune fiche trouvée.} one {# fiche trouvée.} other {# fiches trouvées.}}',
  'form.resultsCapped': '{total, number} fiches trouvées, les {n} plus récentes sont affichées.',
  'form.new': 'Nouvelle fiche',
  'form.newTitle': 'Nouvelle fiche\u00a0: {name}',
  'form.editTitle': 'Modifier {id}\u00a0: {label}',
  'form.create': 'Créer la fiche',
  'form.update': 'Enregistrer les modifications',
  'form.saving': 'Enregistrement…',
  'form.created': 'Fiche {id} créée (ligne {row}).',
  'form.updated': 'Fiche {id} enregistrée (ligne {row}).',
  'form.duplicate': 'Cette saisie avait déjà été enregistrée (fiche {id})\u00a0: rien de plus n’a été écrit.',
  'form.unchanged': 'Aucune modification à enregistrer.',
  'form.requiredNote': 'Les champs marqués d’un astérisque (*) sont obligatoires.',
  'form.required': 'obligatoire',
  'form.back': 'Retour',
  'form.editSelection': 'Modifier la ligne sélectionnée',
  'form.refHint': 'Choisissez dans la liste ou tapez le nom exact.',
  'form.multipleHint': 'Plusieurs valeurs séparées par des virgules.',
  'form.yes': 'Oui',
  'form.none': '(aucun)',
  'form.resultsShown': '{n, number} fiches affichées sur {total, number}, les plus récentes d’abord.',
  'form.more': 'Voir plus',
  'form.add': 'Ajouter',
  'form.remove': 'Retirer «\u00a0{label}\u00a0»',
  'form.chosen': '{field}\u00a0: valeurs choisies',
  'form.multiRefHint':
    'Choisissez une valeur dans la liste puis «\u00a0Ajouter\u00a0» (ou Entrée)\u00a0; autant que nécessaire.',
  'form.addedItem': '«\u00a0{label}\u00a0» ajouté.',
  'form.removedItem': '«\u00a0{label}\u00a0» retiré.',
  'form.retrySafe':
    'Vous pouvez cliquer à nouveau sur «\u00a0{action}\u00a0»\u00a0: ce qui aurait déjà été enregistré ne le sera pas deux fois.',
  'error.duplicateLabel':
    '«\u00a0{value}\u00a0» existe déjà dans «\u00a0{sheet}\u00a0» (ligne {row})\u00a0: le champ «\u00a0{field}\u00a0» doit être unique, sans tenir compte des majuscules ni des accents. Choisissez un autre nom.',
  'error.ambiguousReference':
    '«\u00a0{value}\u00a0» est ambigu pour «\u00a0{field}\u00a0»\u00a0: la feuille «\u00a0{target}\u00a0» contient plusieurs noms qui ne diffèrent que par les majuscules ou les accents ({labels}). Renommez l’un d’eux dans la feuille, puis choisissez-le.',
  'error.unknownDocumentType': 'Type de document inconnu\u00a0: {type}',
  'error.documentSubject':
    '«\u00a0{type}\u00a0» se prépare pour {expected, select, year {une année (par exemple 2026)} period {une période (une date de début et une date de fin)} action {une action} grant {une subvention} meeting {une réunion} other {aucun choix}}.',
  'error.templateMissing':
    'Le modèle de «\u00a0{type}\u00a0» indiqué dans «\u00a0Paramètres du lieu\u00a0» est introuvable ou illisible ({value}). Vérifiez le lien, ou videz la case pour utiliser le modèle de Pilote.',
  'error.templateProblems':
    'Le modèle «\u00a0{template}\u00a0» contient {n, plural, one {un champ à corriger} other {# champs à corriger}}\u00a0: {list}. Aucun document n’a été produit.',
  'documents.problem.unknownField': '{placeholder} ({place})\u00a0: ce champ n’existe pas',
  'documents.problem.unknownFieldSuggestion':
    '{placeholder} ({place})\u00a0: ce champ n’existe pas, vouliez-vous dire «\u00a0{suggestion}\u00a0»\u00a0?',
  'documents.problem.unknownFormat': '{placeholder} ({place})\u00a0: format inconnu',
  'documents.problem.notAList': '{placeholder} ({place})\u00a0: ce champ n’est pas une liste',
  'documents.problem.unclosed': '{placeholder} ({place})\u00a0: bloc jamais fermé',
  'documents.problem.unexpectedClose': '{placeholder} ({place})\u00a0: fin de bloc sans début',
  'documents.problem.malformed': '{placeholder} ({place})\u00a0: accolades mal formées',
  'documents.place.paragraph': 'paragraphe {n, number}',
  'documents.place.cell': 'tableau {table, number}, ligne {row, number}, colonne {cell, number}',
  'documents.created': '«\u00a0{name}\u00a0» est prêt.',
  'documents.updated': '«\u00a0{name}\u00a0» a été mis à jour.',
  'documents.newVersion': 'Nouvelle version «\u00a0{name}\u00a0» créée\u00a0; la précédente est gardée.',
  'documents.editedByUser':
    '«\u00a0{name}\u00a0» a été modifié depuis que Pilote l’a produit. Le remplacer effacera ces modifications\u00a0: confirmez, ou créez plutôt une nouvelle version datée.',
  'documents.versionName': '{name} — version du {date}',
  'documents.templateName': 'Modèle — {type}',
  'menu.documents': 'Produire un document',
  'documents.panelTitle': 'Documents',
  'documents.type': 'Document',
  'documents.subject': 'Pour',
  'documents.year': 'Année',
  'documents.from': 'Du',
  'documents.to': 'Au',
  'documents.record': 'Identifiant de la fiche',
  'documents.generate': 'Produire le document',
  'documents.newVersionChoice': 'Nouvelle version datée (garder la précédente)',
  'documents.overwrite': 'Remplacer quand même',
  'documents.open': 'Ouvrir le document',
  'documents.generating': 'Production en cours…',
  'documents.pdfChoice': 'Aussi en PDF (à côté du document)',
  'documents.openPdf': 'Ouvrir le PDF',
  'document.subjectMissing':
    'Choisissez la fiche («\u00a0{sheet}\u00a0») pour laquelle produire ce document.',
  'document.noBudget':
    'L’action «\u00a0{action}\u00a0» n’a aucune ligne dans «\u00a0Budget prévisionnel\u00a0»\u00a0: ajoutez son budget avant de produire la demande de subvention.',
  'document.budgetUnbalanced':
    'Le budget de l’action «\u00a0{action}\u00a0» ({year}) n’est pas équilibré\u00a0: charges {charges}, produits {products}, écart (produits − charges) de {gap}. Équilibrez-le dans «\u00a0Budget prévisionnel\u00a0» avant de produire la demande de subvention.',
  'document.inKindUnbalanced':
    'Les contributions en nature de l’action «\u00a0{action}\u00a0» ({year}) ne s’équilibrent pas\u00a0: emplois (86) {uses}, ressources (87) {resources}, écart (87 − 86) de {gap}. Corrigez-les dans «\u00a0Budget prévisionnel\u00a0».',
  'menu.sync': 'Synchroniser les agendas',
  'calendar.notEnabled':
    'Le service Google Agenda n’est pas activé pour Pilote. Réinstallez le module complémentaire ou prévenez son administrateur.',
  'booking.conflict':
    'Ce créneau est déjà réservé\u00a0: {id} «\u00a0{title}\u00a0» le {slot}. Choisissez un autre horaire, ou enregistrez la réservation en option.',
  'booking.conflictOutside':
    'Ce créneau est déjà occupé dans l’agenda de l’espace\u00a0: «\u00a0{title}\u00a0» le {slot}. Choisissez un autre horaire, ou enregistrez la réservation en option.',
  'sync.done':
    'Agendas synchronisés\u00a0: {pushed, plural, =0 {rien envoyé} one {# réservation envoyée} other {# réservations envoyées}}, {pulled, plural, =0 {rien reçu} one {# modification reçue} other {# modifications reçues}}, {refused, plural, =0 {aucune refusée} one {# refusée} other {# refusées}}, {failed, plural, =0 {aucune erreur} one {# erreur} other {# erreurs}}.',
  'sync.partial':
    'Synchronisation interrompue pour ne pas dépasser le temps permis\u00a0: {pushed, plural, =0 {rien envoyé} one {# réservation envoyée} other {# réservations envoyées}}, {pulled, plural, =0 {rien reçu} one {# modification reçue} other {# modifications reçues}}, {refused, plural, =0 {aucune refusée} one {# refusée} other {# refusées}}, {failed, plural, =0 {aucune erreur} one {# erreur} other {# erreurs}}. Relancez-la\u00a0: elle reprend où elle s’est arrêtée.',
  'sync.refusedConflict':
    'Non envoyée à l’agenda\u00a0: chevauche {other} «\u00a0{title}\u00a0» le {slot}. Changez l’horaire ou passez l’une des deux en option.',
  'sync.errorQuota':
    'Google Agenda refuse de nouveaux événements aujourd’hui (limite quotidienne atteinte). La synchronisation reprendra demain.',
  'sync.errorPermission':
    'Pilote n’a pas le droit d’écrire dans cet agenda. Laissez la colonne «\u00a0Agenda\u00a0» de l’espace vide\u00a0: Pilote créera son propre agenda.',
  'sync.errorTransient':
    'Google Agenda ne répond pas pour le moment. La prochaine synchronisation réessaiera.',
  'sync.errorOther': 'Google Agenda a refusé cette réservation\u00a0: {detail}',
  'sync.journalDeleted': '{id} «\u00a0{title}\u00a0» supprimée dans l’agenda\u00a0: réservation annulée',
  'sync.journalMoved': '{id} modifiée dans l’agenda\u00a0: «\u00a0{title}\u00a0» le {slot}',
  // « À faire » panel and daily digest (issue 12, digest)
  'menu.digest': 'Recevoir le récapitulatif quotidien',
  'todo.title': 'À faire',
  'todo.open': 'À faire',
  'todo.empty': 'Rien à faire pour le moment.',
  'todo.group.safety': 'Vérifications de sécurité',
  'todo.group.grants': 'Subventions',
  'todo.group.maintenance': 'Maintenance urgente',
  'todo.group.bookings': 'Options à confirmer',
  'todo.group.actions': 'Actions en retard',
  'todo.group.agreements': 'Conventions qui se terminent',
  'todo.group.nextSteps': 'Suites de réunions',
  'todo.kind.safetyCheck': 'Vérification',
  'todo.kind.grantDeadline': 'Date limite de dépôt',
  'todo.kind.grantReport': 'Bilan à rendre',
  'todo.kind.financialReport': 'Compte rendu financier',
  'todo.kind.urgentMaintenance': 'Intervention urgente',
  'todo.kind.bookingOption': 'Option',
  'todo.kind.actionLate': 'Fin prévue',
  'todo.kind.agreementEnding': 'Fin de convention',
  'todo.kind.nextStep': 'Suite à donner',
  'todo.when': '{days, plural, =0 {aujourd’hui} one {dans # jour} other {dans # jours}}',
  'todo.late': '{days, plural, one {en retard de # jour} other {en retard de # jours}}',
  'todo.noDate': 'sans date',
  'todo.goTo': 'Ouvrir',
  'todo.record': '{sheet}, {id}',
  'digest.toggle': 'Recevoir le récapitulatif quotidien',
  'digest.on': 'Vous recevrez chaque matin, vers 7 h, le récapitulatif de ce qui est à faire ({email}).',
  'digest.off': 'Vous ne recevrez plus le récapitulatif quotidien.',
  'digest.notCoordinator':
    'Seuls les coordinateur·ices listé·es dans «\u00a0Paramètres du lieu\u00a0» («\u00a0E-mails des coordinateur·ices\u00a0») peuvent recevoir le récapitulatif. Ajoutez {email} à cette liste.',
  'digest.noEmail':
    'Google ne donne pas votre adresse e-mail à Pilote dans ce contexte\u00a0: ouvrez Pilote depuis le menu Extensions puis réessayez.',
  // — issue 12, rota and volunteers (« Ouverture et fermeture », engagement) —
  'menu.rota': 'Proposer le planning de la semaine',
  'openingHours.unknownDay':
    'Horaires d’ouverture\u00a0: jour inconnu «\u00a0{word}\u00a0» dans «\u00a0{entry}\u00a0» (lun, mar… dim).',
  'openingHours.noDay':
    'Horaires d’ouverture\u00a0: aucun jour dans «\u00a0{entry}\u00a0» (par exemple «\u00a0lun-ven 9h-18h\u00a0»).',
  'openingHours.noTime':
    'Horaires d’ouverture\u00a0: pas d’heures dans «\u00a0{entry}\u00a0» (par exemple «\u00a0sam 10h-14h\u00a0» ou «\u00a0dim fermé\u00a0»).',
  'openingHours.badTime':
    'Horaires d’ouverture\u00a0: heure illisible «\u00a0{text}\u00a0» dans «\u00a0{entry}\u00a0» (9h, 9h30 ou 09:00\u00a0; plage 9h-18h).',
  'openingHours.endBeforeStart':
    'Horaires d’ouverture\u00a0: «\u00a0{text}\u00a0» (dans «\u00a0{entry}\u00a0») finit avant de commencer\u00a0; après minuit, écrivez deux jours («\u00a0ven 20h-24h\u00a0; sam 0h-2h\u00a0»).',
  'rota.invalidWeek': 'Semaine invalide\u00a0: «\u00a0{value}\u00a0» n’est pas une date (jj/mm/aaaa).',
  'rota.proposed':
    'Planning de la semaine du {week}\u00a0: {inserted, number} ligne(s) ajoutée(s), {updated, number} mise(s) à jour, {kept, number} modifiée(s) à la main et gardée(s), {unstaffed, number} créneau(x) sans personne.',
  'rota.duplicate': 'Cette demande a déjà été traitée\u00a0: rien n’a été réécrit.',
  'rota.unmatched': 'Sans fiche contact, donc non proposé·es\u00a0: {names}.',
  'rota.today.title': 'Aujourd’hui',
  'rota.today.show': 'Voir le planning du jour',
  'rota.today.none': 'Aucune ouverture ni fermeture prévue aujourd’hui.',
  'rota.today.nobody': 'personne',
  'rota.today.checklist': 'Fait\u00a0: {items}',
  'rota.propose.button': 'Proposer le planning de la semaine du',
  // People (issue 12): restricted sheets, mediations, next steps, initiatives.
  'error.sheetRestricted':
    'La feuille « {sheet} » est protégée : seules les personnes listées dans « Paramètres du lieu » ({who}) peuvent la modifier. Rien n’a été enregistré.',
  'error.protectionNotAllowed':
    'Vous ne pouvez pas modifier la protection de la feuille « {sheet} » : demandez à un·e coordinateur·ice de le faire.',
  'restricted.who.coordinators': 'les coordinateur·ices',
  'restricted.who.communication': 'les coordinateur·ices et le service communication',
  'restricted.description.mediations': 'Pilote : médiations, modifiables par les coordinateur·ices seulement',
  'restricted.description.communication':
    'Pilote : plan de communication, modifiable par les coordinateur·ices et le service communication',
  'restricted.done':
    'Protections mises à jour : {sheets, plural, one {# feuille} other {# feuilles}} ({editors, plural, =0 {aucune adresse listée} one {# adresse autorisée} other {# adresses autorisées}} en plus de la propriétaire).',
  'journal.mediation': 'Médiation enregistrée ({id})',
  'menu.protections': 'Mettre à jour les protections',
  'error.searchQuery': 'Tapez au moins deux caractères à chercher (200 au plus).',
  // Issue 12 — safety register, schedule and maintenance (helper « safety »)
  'menu.proposeChecks': 'Proposer les vérifications de sécurité',
  'menu.postMaintenanceCost': 'Passer en charge dans les opérations',
  'safety.proposed':
    '{n, plural, =0 {Aucune vérification à ajouter\u00a0: l’échéancier de sécurité contient déjà toutes celles que les équipements du lieu demandent.} one {# vérification ajoutée à l’échéancier de sécurité.} other {# vérifications ajoutées à l’échéancier de sécurité.}}',
  'safety.ticketOpened': 'intervention {id} ouverte en maintenance',
  'safety.ticketClosed': 'intervention {id} terminée (observations levées)',
  'maintenance.badRequest':
    'Choisissez une intervention de «\u00a0Maintenance\u00a0» (identifiant MAI-…) pour passer son coût en charge.',
  'maintenance.noCost':
    'L’intervention {id} n’a pas de coût\u00a0: indiquez un coût supérieur à zéro avant de le passer en charge.',
  'maintenance.alreadyPosted':
    'Le coût de l’intervention {id} est déjà passé en charge dans l’opération {operation}\u00a0: il n’est pas repassé une seconde fois.',
  'maintenance.noAccount':
    'Le compte {account} «\u00a0Entretien et réparation\u00a0» est absent de «\u00a0Comptes\u00a0»\u00a0: ajoutez-le avant de passer le coût en charge.',
  'maintenance.posted': 'Coût de l’intervention {id} passé en charge\u00a0: opération {operation}',
  'maintenance.selectTicket':
    'Sélectionnez une ligne de «\u00a0Maintenance\u00a0» avant de choisir «\u00a0Passer en charge dans les opérations\u00a0».',
  // Issue 12 — sidebar: initiatives search and safety actions (helper « client2 »)
  'initiatives.title': 'Initiatives inspirantes',
  'initiatives.search': 'Chercher (lieu, thème, leçon…)',
  'initiatives.short': 'Tapez au moins deux caractères.',
  'initiatives.none': 'Aucune initiative ne correspond à «\u00a0{query}\u00a0».',
  'initiatives.count': '{n, plural, one {# initiative trouvée} other {# initiatives trouvées}}',
  // Issues 13 and 11 — sidebar inputs, documents subject search, restyled documents (helper « sidebar »)
  'form.badDate':
    'La date saisie dans «\u00a0{field}\u00a0» n’existe pas ou est incomplète (un 31 février, un mois 13…)\u00a0: corrigez-la ou videz le champ.',
  'form.badTime':
    'L’heure saisie dans «\u00a0{field}\u00a0» n’existe pas ou est incomplète\u00a0: corrigez-la ou videz le champ.',
  'form.badDateTime':
    'La date ou l’heure saisie dans «\u00a0{field}\u00a0» n’existe pas ou est incomplète\u00a0: corrigez-la ou videz le champ.',
  'documents.subject.action': 'Action',
  'documents.subject.grant': 'Subvention',
  'documents.subject.meeting': 'Réunion',
  'documents.subject.period': 'Période',
  'documents.subject.searchHint':
    'Tapez quelques lettres pour filtrer (accents et majuscules ignorés), flèches pour choisir, Entrée pour valider.',
  'documents.subject.loading': 'Chargement de la liste…',
  'documents.subject.count': '{n, plural, =0 {Aucun choix} one {# choix} other {# choix}}',
  'documents.subject.none':
    'Aucun élément ne correspond à «\u00a0{query}\u00a0»\u00a0: essayez un autre mot, ou l’identifiant (par exemple ACT-0001).',
  'documents.subject.empty':
    'La feuille «\u00a0{sheet}\u00a0» n’a encore aucune fiche\u00a0: ajoutez-en une avant de produire ce document.',
  'documents.subject.chosen': '{label} choisi',
  'documents.subject.more':
    '{shown, number} sur {total, number}\u00a0: tapez quelques lettres pour trouver les autres.',
  'documents.restyledByUser':
    '«\u00a0{name}\u00a0» a été mis en forme depuis que Pilote l’a produit (titres, gras, couleurs, alignements ou tableaux)\u00a0: le remplacer effacerait cette mise en forme. Remplacer quand même, ou produire une nouvelle version datée\u00a0?',
  'documents.sheet.actions': 'Actions',
  'documents.sheet.grants': 'Subventions',
  'documents.sheet.meetings': 'Réunions',
  'documents.period.quarter': 'Trimestre {n} de {year}',
  'documents.period.half': 'Semestre {n} de {year}',
  'documents.period.year': 'Année {year}',
  // Issue 10 — public agenda, room resources, recurring instances (helper « agenda »)
  'publicAgenda.title': 'Agenda public du lieu',
  'publicAgenda.journalCreated':
    'Agenda public du lieu créé\u00a0; adresse à intégrer sur votre site\u00a0: {url}. Pour qu’il soit visible de tous, rendez-le public une fois dans Google Agenda (Paramètres de l’agenda › Autorisations d’accès aux événements › Rendre disponible publiquement).',
  'publicAgenda.summary':
    '«\u00a0Agenda public du lieu\u00a0»\u00a0: {pushed, plural, =0 {rien envoyé} one {# événement envoyé} other {# événements envoyés}}, {removed, plural, =0 {rien retiré} one {# retiré} other {# retirés}}. Adresse à intégrer sur votre site\u00a0:',
  'publicAgenda.howToPublish':
    'Pour qu’il soit visible sur votre site, rendez-le public une fois dans Google Agenda\u00a0: Paramètres de l’agenda «\u00a0Agenda public du lieu\u00a0» › Autorisations d’accès aux événements › cochez «\u00a0Rendre disponible publiquement\u00a0». Pilote ne le fait pas lui-même\u00a0: il lui faudrait le droit de modifier le partage de vos agendas.',
  'publicAgenda.oneWay':
    'Il montre les réservations confirmées «\u00a0Publique\u00a0» et les événements. Le classeur fait foi\u00a0: ce qui est modifié dans l’agenda public ne revient pas dans le classeur et sera remplacé à la prochaine modification de la ligne.',
  'sync.resourceDeclined':
    '{id}\u00a0: la salle {room} a refusé l’invitation dans Google Agenda (elle est peut-être déjà réservée). Choisissez un autre créneau ou un autre espace.',
  'sync.instanceCancelled':
    '{id} «\u00a0{title}\u00a0»\u00a0: l’occurrence du {date} a été supprimée dans l’agenda, mais la réservation n’a pas pu la prendre dans ses «\u00a0Dates exclues\u00a0» (déjà 10 dates, ou la ligne a changé dans le classeur depuis)\u00a0: elle garde cette date, à corriger à la main si besoin.',
  'sync.instanceExcluded':
    '{id} «\u00a0{title}\u00a0»\u00a0: l’occurrence du {date} a été supprimée dans l’agenda\u00a0; elle est ajoutée aux «\u00a0Dates exclues\u00a0» de la réservation.',
  'sync.instanceMoved':
    '{id} «\u00a0{title}\u00a0»\u00a0: l’occurrence du {date} a été modifiée seule dans l’agenda ({slot}). Le classeur décrit la série entière\u00a0: vérifiez la réservation.',
  'sync.details': 'Détail',
  // Issue 10 — richer recurrences of « Réservations » (helper « recur »)
  'booking.schedule.unknownRecurrence':
    '«\u00a0Récurrence\u00a0»\u00a0: «\u00a0{value}\u00a0» n’est pas une récurrence connue. Choisissez-en une dans la liste.',
  'booking.schedule.withoutRecurrence':
    'Ce champ ne sert qu’à une réservation qui se répète\u00a0: choisissez une «\u00a0Récurrence\u00a0» ou videz-le.',
  'booking.schedule.count': '«\u00a0Nombre de fois\u00a0»\u00a0: un nombre entier de 1 à 999.',
  'booking.schedule.interval': '«\u00a0Intervalle\u00a0»\u00a0: un nombre entier de 1 à 99.',
  'booking.schedule.intervalWithFortnight':
    '«\u00a0Intervalle\u00a0» ne s’utilise pas avec «\u00a0Toutes les deux semaines\u00a0»\u00a0: choisissez «\u00a0Chaque semaine\u00a0» et l’intervalle voulu.',
  'booking.schedule.countAndUntil':
    'Indiquez «\u00a0Répéter jusqu’au\u00a0» ou «\u00a0Nombre de fois\u00a0», pas les deux.',
  'booking.schedule.untilBeforeStart': '«\u00a0Répéter jusqu’au\u00a0» est avant la date de début ({date}).',
  'booking.schedule.endBeforeStart': 'La fin de la réservation est avant son début ({date}).',
  'booking.schedule.exceptionFormat':
    '«\u00a0Dates exclues\u00a0»\u00a0: «\u00a0{value}\u00a0» n’est pas une date. Écrivez des dates jj/mm/aaaa séparées par «\u00a0;\u00a0», par exemple «\u00a014/07/2026\u00a0; 15/08/2026\u00a0».',
  'booking.schedule.tooManyExceptions': '«\u00a0Dates exclues\u00a0»\u00a0: {max} dates au plus.',
  'booking.schedule.exceptionNotOccurrence':
    '«\u00a0Dates exclues\u00a0»\u00a0: le {date} n’est pas un jour de la série. N’excluez que des jours où elle aurait lieu.',
  'booking.schedule.weekdaysNotWeekly':
    '«\u00a0Jours de la semaine\u00a0» ne sert qu’avec «\u00a0Chaque semaine\u00a0» ou «\u00a0Toutes les deux semaines\u00a0».',
  'booking.schedule.unknownWeekday':
    '«\u00a0Jours de la semaine\u00a0»\u00a0: «\u00a0{value}\u00a0» n’est pas un jour. Écrivez par exemple «\u00a0lun, mer, ven\u00a0».',
  'booking.schedule.startNotOnWeekday':
    'La date de début ({date}) est un {weekday}, qui n’est pas parmi les jours choisis ({days})\u00a0: la première fois doit être l’un d’eux.',
  'booking.schedule.notLastWeekday':
    'La date de début ({date}) n’est pas le dernier {weekday} du mois\u00a0: choisissez le dernier {weekday} comme première fois, ou «\u00a0Chaque mois au même rang\u00a0».',
  'sync.refusedSchedule': 'Non envoyée à l’agenda\u00a0: {problem}',
  'booking.schedule.fifthWeekday':
    'La date de début ({date}) est le 5e {weekday} du mois, que tous les mois n’ont pas\u00a0: choisissez «\u00a0Chaque mois le dernier\u00a0».',
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
  'error.tableFull': 'The sheet “{sheet}” has not enough free rows for this import.',
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
  'error.noSelection':
    'Select a row of a Pilote table in the workbook (a booking, an operation…), then try again.',
  'error.notARecord': 'Row {row} of “{sheet}” holds no record.',
  'domain.bookings': 'Bookings',
  'domain.programme': 'Action programme',
  'domain.budget': 'Budget and operations',
  'domain.grants': 'Grants',
  'domain.volunteering': 'Volunteering',
  'domain.community': 'Structures and contacts',
  'domain.meetings': 'Meetings and documents',
  'domain.communication': 'Communication',
  'domain.site': 'Site (safety, maintenance, opening, incidents)',
  'domain.initiatives': 'Initiatives',
  'domain.diagnostic': 'Diagnosis',
  'form.domains': 'Domains',
  'form.table': 'Record type',
  'form.search': 'Search',
  'form.searchHint': 'Name, title, label… (accents ignored)',
  'form.results': '{n, plural, =0 {No record found.} one {# record found.} other {# records found.}}',
  'form.resultsCapped': '{total, number} records found, the {n} most recent are shown.',
  'form.new': 'New record',
  'form.newTitle': 'New record: {name}',
  'form.editTitle': 'Edit {id}: {label}',
  'form.create': 'Create the record',
  'form.update': 'Save the changes',
  'form.saving': 'Saving…',
  'form.created': 'Record {id} created (row {row}).',
  'form.updated': 'Record {id} saved (row {row}).',
  'form.duplicate': 'This entry had already been saved (record {id}): nothing more was written.',
  'form.unchanged': 'No change to save.',
  'form.requiredNote': 'Fields marked with an asterisk (*) are required.',
  'form.required': 'required',
  'form.back': 'Back',
  'form.editSelection': 'Edit the selected row',
  'form.refHint': 'Pick from the list or type the exact name.',
  'form.multipleHint': 'Several values separated by commas.',
  'form.yes': 'Yes',
  'form.none': '(none)',
  'form.resultsShown': '{n, number} of {total, number} records shown, most recent first.',
  'form.more': 'Show more',
  'form.add': 'Add',
  'form.remove': 'Remove “{label}”',
  'form.chosen': '{field}: chosen values',
  'form.multiRefHint': 'Pick a value from the list, then “Add” (or Enter); as many as needed.',
  'form.addedItem': '“{label}” added.',
  'form.removedItem': '“{label}” removed.',
  'form.retrySafe': 'You can click “{action}” again: whatever was already saved will not be saved twice.',
  'error.duplicateLabel':
    '“{value}” already exists in “{sheet}” (row {row}): “{field}” must be unique, ignoring case and accents. Choose another name.',
  'error.ambiguousReference':
    '“{value}” is ambiguous for “{field}”: the sheet “{target}” holds several names that differ only by case or accents ({labels}). Rename one of them in the sheet, then choose it.',
  'error.unknownDocumentType': 'Unknown document type: {type}',
  'error.documentSubject':
    '“{type}” is made for {expected, select, year {a year (for example 2026)} period {a period (a start and an end date)} action {an action} grant {a grant} meeting {a meeting} other {no choice}}.',
  'error.templateMissing':
    'The template for “{type}” given in “Venue settings” cannot be found or read ({value}). Check the link, or empty the cell to use Pilote’s template.',
  'error.templateProblems':
    'The template “{template}” has {n, plural, one {one field to fix} other {# fields to fix}}: {list}. No document was made.',
  'documents.problem.unknownField': '{placeholder} ({place}): no such field',
  'documents.problem.unknownFieldSuggestion':
    '{placeholder} ({place}): no such field, did you mean “{suggestion}”?',
  'documents.problem.unknownFormat': '{placeholder} ({place}): unknown format',
  'documents.problem.notAList': '{placeholder} ({place}): this field is not a list',
  'documents.problem.unclosed': '{placeholder} ({place}): block never closed',
  'documents.problem.unexpectedClose': '{placeholder} ({place}): block end without a start',
  'documents.problem.malformed': '{placeholder} ({place}): malformed braces',
  'documents.place.paragraph': 'paragraph {n, number}',
  'documents.place.cell': 'table {table, number}, row {row, number}, column {cell, number}',
  'documents.created': '“{name}” is ready.',
  'documents.updated': '“{name}” was updated.',
  'documents.newVersion': 'New version “{name}” created; the previous one is kept.',
  'documents.editedByUser':
    '“{name}” was edited since Pilote made it. Replacing it will erase those edits: confirm, or make a new dated version instead.',
  'documents.versionName': '{name} — version of {date}',
  'documents.templateName': 'Template — {type}',
  'menu.documents': 'Make a document',
  'documents.panelTitle': 'Documents',
  'documents.type': 'Document',
  'documents.subject': 'For',
  'documents.year': 'Year',
  'documents.from': 'From',
  'documents.to': 'To',
  'documents.record': 'Record id',
  'documents.generate': 'Make the document',
  'documents.newVersionChoice': 'New dated version (keep the previous one)',
  'documents.overwrite': 'Replace anyway',
  'documents.open': 'Open the document',
  'documents.generating': 'Making the document…',
  'documents.pdfChoice': 'Also as PDF (beside the document)',
  'documents.openPdf': 'Open the PDF',
  'document.subjectMissing': 'Choose the record (“{sheet}”) to produce this document for.',
  'document.noBudget':
    'The action “{action}” has no line in “Budget prévisionnel”: add its budget before producing the grant application.',
  'document.budgetUnbalanced':
    'The budget of the action “{action}” ({year}) does not balance: charges {charges}, income {products}, gap (income − charges) {gap}. Balance it in “Budget prévisionnel” before producing the grant application.',
  'document.inKindUnbalanced':
    'The in-kind contributions of the action “{action}” ({year}) do not balance: uses (86) {uses}, resources (87) {resources}, gap (87 − 86) {gap}. Correct them in “Budget prévisionnel”.',
  'menu.sync': 'Sync the calendars',
  'calendar.notEnabled':
    'The Google Calendar service is not enabled for Pilote. Reinstall the add-on or tell its administrator.',
  'booking.conflict':
    'This slot is already booked: {id} “{title}” on {slot}. Choose another time, or save the booking as an option.',
  'booking.conflictOutside':
    'This slot is already taken in the space’s calendar: “{title}” on {slot}. Choose another time, or save the booking as an option.',
  'sync.done':
    'Calendars synced: {pushed, plural, =0 {nothing sent} one {# booking sent} other {# bookings sent}}, {pulled, plural, =0 {nothing received} one {# change received} other {# changes received}}, {refused, plural, =0 {none refused} one {# refused} other {# refused}}, {failed, plural, =0 {no error} one {# error} other {# errors}}.',
  'sync.partial':
    'Sync stopped to stay within the time allowed: {pushed, plural, =0 {nothing sent} one {# booking sent} other {# bookings sent}}, {pulled, plural, =0 {nothing received} one {# change received} other {# changes received}}, {refused, plural, =0 {none refused} one {# refused} other {# refused}}, {failed, plural, =0 {no error} one {# error} other {# errors}}. Run it again: it resumes where it stopped.',
  'sync.refusedConflict':
    'Not sent to the calendar: overlaps {other} “{title}” on {slot}. Change the time or make one of them an option.',
  'sync.errorQuota':
    'Google Calendar refuses new events today (daily limit reached). The sync will resume tomorrow.',
  'sync.errorPermission':
    'Pilote may not write to this calendar. Leave the space’s “Calendar” column empty: Pilote will create its own calendar.',
  'sync.errorTransient': 'Google Calendar is not answering right now. The next sync will try again.',
  'sync.errorOther': 'Google Calendar refused this booking: {detail}',
  'sync.journalDeleted': '{id} “{title}” deleted in the calendar: booking cancelled',
  'sync.journalMoved': '{id} changed in the calendar: “{title}” on {slot}',
  // « À faire » panel and daily digest (issue 12, digest)
  'menu.digest': 'Receive the daily digest',
  'todo.title': 'To do',
  'todo.open': 'To do',
  'todo.empty': 'Nothing to do for now.',
  'todo.group.safety': 'Safety checks',
  'todo.group.grants': 'Grants',
  'todo.group.maintenance': 'Urgent maintenance',
  'todo.group.bookings': 'Options to confirm',
  'todo.group.actions': 'Late actions',
  'todo.group.agreements': 'Agreements ending',
  'todo.group.nextSteps': 'Meeting next steps',
  'todo.kind.safetyCheck': 'Check',
  'todo.kind.grantDeadline': 'Application deadline',
  'todo.kind.grantReport': 'Report due',
  'todo.kind.financialReport': 'Financial report',
  'todo.kind.urgentMaintenance': 'Urgent job',
  'todo.kind.bookingOption': 'Option',
  'todo.kind.actionLate': 'Planned end',
  'todo.kind.agreementEnding': 'Agreement ends',
  'todo.kind.nextStep': 'Next step',
  'todo.when': '{days, plural, =0 {today} one {in # day} other {in # days}}',
  'todo.late': '{days, plural, one {# day late} other {# days late}}',
  'todo.noDate': 'no date',
  'todo.goTo': 'Open',
  'todo.record': '{sheet}, {id}',
  'digest.toggle': 'Receive the daily digest',
  'digest.on': 'Every morning around 7 am you will receive the digest of what is due ({email}).',
  'digest.off': 'You will no longer receive the daily digest.',
  'digest.notCoordinator':
    'Only the coordinators listed in “Paramètres du lieu” (“Coordinators’ e-mails”) may receive the digest. Add {email} to that list.',
  'digest.noEmail':
    'Google does not give your e-mail address to Pilote here: open Pilote from the Extensions menu and try again.',
  // — issue 12, rota and volunteers (« Ouverture et fermeture », engagement) —
  'menu.rota': 'Propose the week’s rota',
  'openingHours.unknownDay': 'Opening hours: unknown day “{word}” in “{entry}” (lun, mar… dim).',
  'openingHours.noDay': 'Opening hours: no day in “{entry}” (for example “lun-ven 9h-18h”).',
  'openingHours.noTime': 'Opening hours: no times in “{entry}” (for example “sam 10h-14h” or “dim fermé”).',
  'openingHours.badTime':
    'Opening hours: unreadable time “{text}” in “{entry}” (9h, 9h30 or 09:00; range 9h-18h).',
  'openingHours.endBeforeStart':
    'Opening hours: “{text}” (in “{entry}”) ends before it starts; past midnight, write two days (“ven 20h-24h; sam 0h-2h”).',
  'rota.invalidWeek': 'Invalid week: “{value}” is not a date (dd/mm/yyyy).',
  'rota.proposed':
    'Rota for the week of {week}: {inserted, number} line(s) added, {updated, number} updated, {kept, number} edited by hand and kept, {unstaffed, number} shift(s) with nobody.',
  'rota.duplicate': 'This request was already handled: nothing was rewritten.',
  'rota.unmatched': 'No contact record, so not proposed: {names}.',
  'rota.today.title': 'Today',
  'rota.today.show': 'Show today’s rota',
  'rota.today.none': 'No opening or closing planned today.',
  'rota.today.nobody': 'nobody',
  'rota.today.checklist': 'Done: {items}',
  'rota.propose.button': 'Propose the rota for the week of',
  // People (issue 12): restricted sheets, mediations, next steps, initiatives.
  'error.sheetRestricted':
    'The “{sheet}” sheet is protected: only the people listed in “Venue settings” ({who}) may edit it. Nothing was saved.',
  'error.protectionNotAllowed':
    'You may not change the protection of the “{sheet}” sheet: ask a coordinator to do it.',
  'restricted.who.coordinators': 'the coordinators',
  'restricted.who.communication': 'the coordinators and the communication service',
  'restricted.description.mediations': 'Pilote: mediations, editable by the coordinators only',
  'restricted.description.communication':
    'Pilote: communication plan, editable by the coordinators and the communication service',
  'restricted.done':
    'Protections updated: {sheets, plural, one {# sheet} other {# sheets}} ({editors, plural, =0 {no address listed} one {# address allowed} other {# addresses allowed}} besides the owner).',
  'journal.mediation': 'Mediation recorded ({id})',
  'menu.protections': 'Update the protections',
  'error.searchQuery': 'Type at least two characters to search for (200 at most).',
  // Issue 12 — safety register, schedule and maintenance (helper « safety »)
  'menu.proposeChecks': 'Propose the safety checks',
  'menu.postMaintenanceCost': 'Post the cost to the transactions',
  'safety.proposed':
    '{n, plural, =0 {No check to add: the safety schedule already has every check the venue’s equipment calls for.} one {# check added to the safety schedule.} other {# checks added to the safety schedule.}}',
  'safety.ticketOpened': 'maintenance job {id} opened',
  'safety.ticketClosed': 'maintenance job {id} done (observations lifted)',
  'maintenance.badRequest': 'Choose a “Maintenance” job (id MAI-…) to post its cost.',
  'maintenance.noCost': 'The job {id} has no cost: enter a cost above zero before posting it.',
  'maintenance.alreadyPosted':
    'The cost of the job {id} is already posted in the transaction {operation}: it is not posted a second time.',
  'maintenance.noAccount':
    'The account {account} “Entretien et réparation” is missing from “Comptes”: add it before posting the cost.',
  'maintenance.posted': 'Cost of the job {id} posted: transaction {operation}',
  'maintenance.selectTicket':
    'Select a row of “Maintenance” before choosing “Post the cost to the transactions”.',
  // Issue 12 — sidebar: initiatives search and safety actions (helper « client2 »)
  'initiatives.title': 'Inspiring initiatives',
  'initiatives.search': 'Search (place, theme, lesson…)',
  'initiatives.short': 'Type at least two characters.',
  'initiatives.none': 'No initiative matches “{query}”.',
  'initiatives.count': '{n, plural, one {# initiative found} other {# initiatives found}}',
  // Issues 13 and 11 — sidebar inputs, documents subject search, restyled documents (helper « sidebar »)
  'form.badDate':
    'The date typed in “{field}” does not exist or is incomplete (a 31 February, a month 13…): correct it or empty the field.',
  'form.badTime':
    'The time typed in “{field}” does not exist or is incomplete: correct it or empty the field.',
  'form.badDateTime':
    'The date or time typed in “{field}” does not exist or is incomplete: correct it or empty the field.',
  'documents.subject.action': 'Action',
  'documents.subject.grant': 'Grant',
  'documents.subject.meeting': 'Meeting',
  'documents.subject.period': 'Period',
  'documents.subject.searchHint':
    'Type a few letters to filter (accents and case ignored), arrows to choose, Enter to confirm.',
  'documents.subject.loading': 'Loading the list…',
  'documents.subject.count': '{n, plural, =0 {No choice} one {# choice} other {# choices}}',
  'documents.subject.none': 'Nothing matches “{query}”: try another word, or the id (for example ACT-0001).',
  'documents.subject.empty': 'The sheet “{sheet}” has no record yet: add one before making this document.',
  'documents.subject.chosen': '{label} chosen',
  'documents.subject.more': '{shown, number} of {total, number}: type a few letters to find the others.',
  'documents.restyledByUser':
    '“{name}” was restyled since Pilote made it (headings, bold, colours, alignments or tables): replacing it would lose that styling. Replace anyway, or make a new dated version?',
  'documents.sheet.actions': 'Actions',
  'documents.sheet.grants': 'Grants',
  'documents.sheet.meetings': 'Meetings',
  'documents.period.quarter': 'Quarter {n} of {year}',
  'documents.period.half': 'Half {n} of {year}',
  'documents.period.year': 'Year {year}',
  // Issue 10 — public agenda, room resources, recurring instances (helper « agenda »)
  'publicAgenda.title': 'Venue’s public calendar',
  'publicAgenda.journalCreated':
    'Venue’s public calendar created; address to embed on your website: {url}. To make it visible to everyone, make it public once in Google Calendar (calendar settings › Access permissions for events › Make available to public).',
  'publicAgenda.summary':
    '“Venue’s public calendar”: {pushed, plural, =0 {nothing sent} one {# event sent} other {# events sent}}, {removed, plural, =0 {nothing removed} one {# removed} other {# removed}}. Address to embed on your website:',
  'publicAgenda.howToPublish':
    'To show it on your website, make it public once in Google Calendar: settings of the calendar “Venue’s public calendar” › Access permissions for events › tick “Make available to public”. Pilote does not do it itself: it would need the right to change the sharing of your calendars.',
  'publicAgenda.oneWay':
    'It shows the confirmed “Publique” bookings and the events. The workbook is the source: what is changed in the public calendar does not come back into the workbook and is replaced the next time the row changes.',
  'sync.resourceDeclined':
    '{id}: the room {room} declined the invitation in Google Calendar (it may already be booked). Choose another slot or another space.',
  'sync.instanceCancelled':
    '{id} “{title}”: the occurrence of {date} was deleted in the calendar, but the booking could not take it into its “Excluded dates” (already 10 dates, or the row changed in the workbook since): it keeps that date, correct it by hand if needed.',
  'sync.instanceExcluded':
    '{id} “{title}”: the occurrence of {date} was deleted in the calendar; it is added to the booking’s “Excluded dates”.',
  'sync.instanceMoved':
    '{id} “{title}”: the occurrence of {date} was changed on its own in the calendar ({slot}). The workbook describes the whole series: check the booking.',
  'sync.details': 'Details',
  // Issue 10 — richer recurrences of « Réservations » (helper « recur »)
  'booking.schedule.unknownRecurrence':
    '“Recurrence”: “{value}” is not a known recurrence. Choose one from the list.',
  'booking.schedule.withoutRecurrence':
    'This field is only for a repeating booking: choose a “Recurrence” or clear it.',
  'booking.schedule.count': '“Number of times”: a whole number from 1 to 999.',
  'booking.schedule.interval': '“Interval”: a whole number from 1 to 99.',
  'booking.schedule.intervalWithFortnight':
    '“Interval” does not go with “Toutes les deux semaines”: choose “Chaque semaine” and the interval you want.',
  'booking.schedule.countAndUntil': 'Give “Repeat until” or “Number of times”, not both.',
  'booking.schedule.untilBeforeStart': '“Repeat until” is before the start date ({date}).',
  'booking.schedule.endBeforeStart': 'The booking ends before it starts ({date}).',
  'booking.schedule.exceptionFormat':
    '“Excluded dates”: “{value}” is not a date. Write dd/mm/yyyy dates separated by “;”, e.g. “14/07/2026 ; 15/08/2026”.',
  'booking.schedule.tooManyExceptions': '“Excluded dates”: {max} dates at most.',
  'booking.schedule.exceptionNotOccurrence':
    '“Excluded dates”: {date} is not a day of the series. Only exclude days on which it would take place.',
  'booking.schedule.weekdaysNotWeekly':
    '“Weekdays” only goes with “Chaque semaine” or “Toutes les deux semaines”.',
  'booking.schedule.unknownWeekday': '“Weekdays”: “{value}” is not a day. Write e.g. “lun, mer, ven”.',
  'booking.schedule.startNotOnWeekday':
    'The start date ({date}) is a {weekday}, not one of the chosen days ({days}): the first time must be one of them.',
  'booking.schedule.notLastWeekday':
    'The start date ({date}) is not the last {weekday} of its month: choose the last {weekday} as the first time, or “Chaque mois au même rang”.',
  'sync.refusedSchedule': 'Not sent to the calendar: {problem}',
  'booking.schedule.fifthWeekday':
    'The start date ({date}) is the 5th {weekday} of its month, which not every month has: choose “Chaque mois le dernier”.',
};
