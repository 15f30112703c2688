/** French and English messages of refused cell input, ICU-style `{field}` placeholders. */

import type { ValueErrorCode } from './value-types';

// French typography: no-break space (U+00A0) inside « » and before : ; ? ! (written as \u00a0).

/** French messages, keyed by error code. */
export const valueMessagesFr: Record<ValueErrorCode, string> = {
  required: 'Le champ «\u00a0{field}\u00a0» est obligatoire.',
  read_only: 'Le champ «\u00a0{field}\u00a0» est calculé automatiquement\u00a0: il ne se saisit pas.',
  invalid_type: 'Le champ «\u00a0{field}\u00a0» a reçu une valeur d’un type inattendu.',
  too_long: 'Le champ «\u00a0{field}\u00a0» est trop long\u00a0: {max} caractères au plus.',
  line_break_not_allowed:
    'Le champ «\u00a0{field}\u00a0» tient sur une seule ligne\u00a0: retirez les retours à la ligne.',
  invalid_characters: 'Le champ «\u00a0{field}\u00a0» contient des caractères invisibles ou invalides.',
  invalid_number: 'Le champ «\u00a0{field}\u00a0» attend un nombre, par exemple 1\u202f234,5.',
  invalid_amount:
    'Le champ «\u00a0{field}\u00a0» attend un montant en euros, par exemple 1\u202f234,50\u00a0€ (deux décimales au plus).',
  invalid_integer: 'Le champ «\u00a0{field}\u00a0» attend un nombre entier.',
  below_min: 'Le champ «\u00a0{field}\u00a0» doit valoir au moins {min}.',
  above_max: 'Le champ «\u00a0{field}\u00a0» doit valoir au plus {max}.',
  invalid_date:
    'Le champ «\u00a0{field}\u00a0» attend une date qui existe, au format jj/mm/aaaa («\u00a0{value}\u00a0» n’en est pas une).',
  nonexistent_day:
    'La date du {value} n’existe pas\u00a0: le mois {month} n’a que {days} jours (champ «\u00a0{field}\u00a0»).',
  nonexistent_month:
    'La date du {value} n’existe pas\u00a0: il n’y a que 12 mois (champ «\u00a0{field}\u00a0»).',
  invalid_datetime:
    'Le champ «\u00a0{field}\u00a0» attend une date et une heure, par exemple 29/03/2026 14h30.',
  nonexistent_local_time:
    'L’heure «\u00a0{value}\u00a0» n’existe pas (passage à l’heure d’été)\u00a0: choisissez une heure plus tardive pour «\u00a0{field}\u00a0».',
  invalid_time: 'Le champ «\u00a0{field}\u00a0» attend une heure, par exemple 14h30 ou 14:30.',
  invalid_duration: 'Le champ «\u00a0{field}\u00a0» attend une durée, par exemple 1h30 ou 1,5.',
  invalid_boolean: 'Le champ «\u00a0{field}\u00a0» attend oui ou non.',
  not_in_list:
    '«\u00a0{value}\u00a0» ne fait pas partie des choix possibles pour «\u00a0{field}\u00a0»\u00a0: {options}.',
  unknown_reference:
    '«\u00a0{value}\u00a0» n’existe pas dans la feuille «\u00a0{target}\u00a0»\u00a0: choisissez une valeur de la liste pour «\u00a0{field}\u00a0».',
  invalid_email:
    'Le champ «\u00a0{field}\u00a0» attend une adresse e-mail valide («\u00a0{value}\u00a0» ne l’est pas).',
  invalid_phone:
    'Le champ «\u00a0{field}\u00a0» attend un numéro de téléphone, par exemple 01\u00a023\u00a045\u00a067\u00a089 ou +33\u00a01\u00a023\u00a045\u00a067\u00a089.',
  invalid_url: 'Le champ «\u00a0{field}\u00a0» attend un lien web commençant par https://.',
  invalid_id: 'L’identifiant «\u00a0{field}\u00a0» n’a pas le format attendu (par exemple RES-0001).',
  invalid_siret: 'Le champ «\u00a0{field}\u00a0» attend un numéro SIRET valide (14 chiffres).',
  invalid_rna: 'Le champ «\u00a0{field}\u00a0» attend un numéro RNA, par exemple W751234567.',
  invalid_postal_code: 'Le champ «\u00a0{field}\u00a0» attend un code postal à 5 chiffres.',
  invalid_account_number:
    'Le champ «\u00a0{field}\u00a0» attend un numéro de compte du plan comptable, par exemple 6064.',
};

/** English messages, keyed by error code. */
export const valueMessagesEn: Record<ValueErrorCode, string> = {
  required: '“{field}” is required.',
  read_only: '“{field}” is computed automatically and cannot be entered.',
  invalid_type: '“{field}” received a value of an unexpected type.',
  too_long: '“{field}” is too long: {max} characters at most.',
  line_break_not_allowed: '“{field}” fits on one line: remove the line breaks.',
  invalid_characters: '“{field}” contains invisible or invalid characters.',
  invalid_number: '“{field}” expects a number, for example 1,234.5.',
  invalid_amount: '“{field}” expects an amount in euros, for example 1,234.50 € (two decimals at most).',
  invalid_integer: '“{field}” expects a whole number.',
  below_min: '“{field}” must be at least {min}.',
  above_max: '“{field}” must be at most {max}.',
  invalid_date: '“{field}” expects a real date, as dd/mm/yyyy (“{value}” is not one).',
  nonexistent_day: 'The date {value} does not exist: month {month} has only {days} days (“{field}”).',
  nonexistent_month: 'The date {value} does not exist: there are only 12 months (“{field}”).',
  invalid_datetime: '“{field}” expects a date and a time, for example 29/03/2026 14:30.',
  nonexistent_local_time:
    'The time “{value}” does not exist (clocks go forward): choose a later time for “{field}”.',
  invalid_time: '“{field}” expects a time, for example 14:30.',
  invalid_duration: '“{field}” expects a duration, for example 1h30 or 1.5.',
  invalid_boolean: '“{field}” expects yes or no.',
  not_in_list: '“{value}” is not one of the choices for “{field}”: {options}.',
  unknown_reference:
    '“{value}” does not exist in the sheet “{target}”: pick a value from the list for “{field}”.',
  invalid_email: '“{field}” expects a valid e-mail address (“{value}” is not).',
  invalid_phone: '“{field}” expects a phone number, for example 01 23 45 67 89 or +33 1 23 45 67 89.',
  invalid_url: '“{field}” expects a web link starting with https://.',
  invalid_id: 'The identifier “{field}” does not have the expected shape (for example RES-0001).',
  invalid_siret: '“{field}” expects a valid SIRET number (14 digits).',
  invalid_rna: '“{field}” expects an RNA number, for example W751234567.',
  invalid_postal_code: '“{field}” expects a 5-digit postal code.',
  invalid_account_number: '“{field}” expects an account number of the chart of accounts, for example 6064.',
};
