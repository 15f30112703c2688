/**
 * One form field per column type, built from the server's form description: the input, its
 * label, help and error slot, how a stored value is shown in it and how its value is read back.
 * Values are sent as typed (French decimal comma, `jj/mm/aaaa` or ISO dates): the server parses.
 */
import type { Locale } from '../shared/i18n';
import { t } from '../shared/i18n';
import type { FormField, FormValue } from '../shared/rpc';
import { el } from './dom';

/** A rendered field: its block, the element to focus, and how to read, set and flag it. */
export interface FieldControl {
  field: FormField;
  block: HTMLElement;
  focusTarget: HTMLElement;
  read(): string | boolean;
  write(value: FormValue): void;
  showError(message: string | null): void;
  /**
   * What the browser knows is wrong and `read()` cannot say: a date, time or date-time picker
   * holding an impossible or incomplete entry (31/02/2026) reports `validity.badInput` with an
   * empty value (html.spec.whatwg.org, « suffering from bad input »), which would otherwise be
   * sent as an empty field. Null when the input is fine.
   */
  problem?(): string | null;
}

let datalistCounter = 0;

/** Builds the control of `field`; `refOptions` are the labels a reference may take. */
export function buildField(
  field: FormField,
  locale: Locale,
  refOptions: readonly string[] = [],
): FieldControl {
  const id = `f-${field.key}`;
  const errorId = `e-${field.key}`;
  const helpId = `h-${field.key}`;
  const error = el('p', { id: errorId, class: 'field-error', hidden: '' });
  const hints: string[] = [];
  if (field.help) hints.push(field.help);
  if (field.type === 'ref') hints.push(t(locale, field.multiple ? 'form.multiRefHint' : 'form.refHint'));
  if (field.multiple && field.type === 'email') hints.push(t(locale, 'form.multipleHint'));
  const help = hints.length > 0 ? el('p', { id: helpId, class: 'help' }, hints.join(' ')) : null;
  const describedBy = [help ? helpId : '', errorId].filter((s) => s !== '').join(' ');
  const mark = field.required ? el('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null;
  const srRequired = field.required ? el('span', { class: 'sr' }, ` (${t(locale, 'form.required')})`) : null;

  const block = el('div', { class: 'field', 'data-field': field.key });
  const setInvalid = (target: HTMLElement, message: string | null) => {
    error.textContent = message ?? '';
    if (message) {
      error.removeAttribute('hidden');
      target.setAttribute('aria-invalid', 'true');
    } else {
      error.setAttribute('hidden', '');
      target.removeAttribute('aria-invalid');
    }
  };

  if (field.type === 'enum' && field.multiple) {
    const boxes = (field.options ?? []).map((option, i) =>
      el('input', {
        type: 'checkbox',
        id: `${id}-${i}`,
        value: option,
        name: field.key,
        'aria-describedby': describedBy,
      }),
    );
    const fieldset = el(
      'fieldset',
      { id, 'aria-describedby': describedBy, class: 'choices' },
      el('legend', {}, field.label, mark, srRequired),
      ...boxes.map((box, i) => el('label', { class: 'check', for: `${id}-${i}` }, box, ` ${box.value}`)),
    );
    block.append(fieldset, help ?? '', error);
    return {
      field,
      block,
      focusTarget: boxes[0] ?? fieldset,
      read: () =>
        boxes
          .filter((b) => b.checked)
          .map((b) => b.value)
          .join(', '),
      write: (value) => {
        const chosen = String(value ?? '')
          .split(',')
          .map((s) => s.trim());
        for (const box of boxes) box.checked = chosen.indexOf(box.value) >= 0;
      },
      showError: (message) => {
        setInvalid(fieldset, message);
        for (const box of boxes) {
          if (message) box.setAttribute('aria-invalid', 'true');
          else box.removeAttribute('aria-invalid');
        }
      },
    };
  }

  if (field.type === 'ref' && field.multiple) {
    return buildMultiReference(field, locale, refOptions, {
      block,
      help,
      error,
      describedBy,
      label: el('label', { for: id }, field.label, mark, srRequired),
      setInvalid,
    });
  }

  if (field.type === 'boolean') {
    const box = el('input', { type: 'checkbox', id, 'aria-describedby': describedBy });
    block.append(
      el('label', { class: 'check', for: id }, box, ` ${field.label}`, mark, srRequired),
      help ?? '',
      error,
    );
    return {
      field,
      block,
      focusTarget: box,
      read: () => box.checked,
      write: (value) => {
        box.checked = value === true;
      },
      showError: (message) => setInvalid(box, message),
    };
  }

  const control = inputFor(field, id, locale, refOptions);
  control.input.setAttribute('aria-describedby', describedBy);
  if (field.required) control.input.setAttribute('aria-required', 'true');
  block.append(el('label', { for: id }, field.label, mark, srRequired), control.input);
  if (control.extra) block.append(control.extra);
  block.append(help ?? '', error);
  const input = control.input;
  const badInputKey = BAD_INPUT_MESSAGES[field.type];
  const problem = (): string | null =>
    badInputKey && input.validity.badInput ? t(locale, badInputKey, { field: field.label }) : null;
  if (badInputKey) {
    // Said as soon as the user leaves the picker, and cleared once it holds a real date.
    let flagged = false;
    input.addEventListener('blur', () => {
      const message = problem();
      if (message || flagged) setInvalid(input, message);
      flagged = message !== null;
    });
  }
  return {
    field,
    block,
    focusTarget: input,
    read: () => input.value.trim(),
    write: (value) => {
      input.value = toInputText(field, value, locale);
    },
    showError: (message) => setInvalid(input, message),
    problem,
  };
}

/** The message of a picker holding an impossible or incomplete entry, by field type. */
const BAD_INPUT_MESSAGES: Partial<
  Record<FormField['type'], 'form.badDate' | 'form.badTime' | 'form.badDateTime'>
> = {
  date: 'form.badDate',
  time: 'form.badTime',
  datetime: 'form.badDateTime',
};

interface FieldParts {
  block: HTMLElement;
  help: HTMLElement | null;
  error: HTMLElement;
  describedBy: string;
  label: HTMLElement;
  setInvalid(target: HTMLElement, message: string | null): void;
}

/**
 * Several references (partners, occupied spaces): the chosen labels as a list of chips, each
 * with its own « Retirer » button, and an input with the labels offered to add one more
 * (button « Ajouter » or Enter). Everything is reachable with Tab; changes are announced.
 * A label typed but not added yet still counts when the form is sent.
 */
function buildMultiReference(
  field: FormField,
  locale: Locale,
  refOptions: readonly string[],
  parts: FieldParts,
): FieldControl {
  const id = `f-${field.key}`;
  datalistCounter += 1;
  const listId = `l-${field.key}-${datalistCounter}`;
  const list = el('datalist', { id: listId });
  for (const label of refOptions) list.append(el('option', { value: label }));
  const input = el('input', {
    id,
    name: field.key,
    type: 'text',
    list: listId,
    autocomplete: 'off',
    'aria-describedby': parts.describedBy,
  });
  if (field.required) input.setAttribute('aria-required', 'true');
  const add = el(
    'button',
    { type: 'button', class: 'chip-add', 'data-testid': `add-${field.key}` },
    t(locale, 'form.add'),
  );
  const chips = el('ul', {
    class: 'chips',
    id: `c-${field.key}`,
    'aria-label': t(locale, 'form.chosen', { field: field.label }),
  });
  const announce = el('p', { class: 'sr', role: 'status' });
  let chosen: string[] = [];

  const render = () => {
    while (chips.firstChild) chips.removeChild(chips.firstChild);
    chosen.forEach((label, index) => {
      const remove = el(
        'button',
        { type: 'button', class: 'chip-remove', 'aria-label': t(locale, 'form.remove', { label }) },
        '×',
      );
      remove.addEventListener('click', () => {
        chosen = chosen.filter((_, i) => i !== index);
        render();
        announce.textContent = t(locale, 'form.removedItem', { label });
        const buttons = chips.querySelectorAll<HTMLButtonElement>('button.chip-remove');
        (buttons[Math.min(index, buttons.length - 1)] ?? input).focus();
      });
      chips.append(el('li', { class: 'chip', 'data-value': label }, el('span', {}, label), remove));
    });
    chips.hidden = chosen.length === 0;
  };
  const commit = (): boolean => {
    const typed = input.value.trim();
    if (typed === '') return false;
    const known = refOptions.find((o) => o.toLowerCase() === typed.toLowerCase()) ?? typed;
    if (chosen.indexOf(known) < 0) chosen.push(known);
    input.value = '';
    render();
    announce.textContent = t(locale, 'form.addedItem', { label: known });
    return true;
  };
  add.addEventListener('click', () => {
    commit();
    input.focus();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && commit()) event.preventDefault();
  });

  parts.block.append(
    parts.label,
    chips,
    el('div', { class: 'chip-input' }, input, add),
    list,
    announce,
    parts.help ?? '',
    parts.error,
  );
  render();
  return {
    field,
    block: parts.block,
    focusTarget: input,
    read: () => {
      const typed = input.value.trim();
      return [...chosen, ...(typed !== '' && chosen.indexOf(typed) < 0 ? [typed] : [])].join(', ');
    },
    write: (value) => {
      chosen = String(value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      input.value = '';
      render();
    },
    showError: (message) => parts.setInvalid(input, message),
  };
}

type TextControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function inputFor(
  field: FormField,
  id: string,
  locale: Locale,
  refOptions: readonly string[],
): { input: TextControl; extra?: HTMLElement } {
  const base: Record<string, string> = { id, name: field.key };
  switch (field.type) {
    case 'longText':
      return { input: el('textarea', { ...base, rows: '3' }) };
    case 'enum': {
      const select = el('select', base, el('option', { value: '' }, t(locale, 'form.none')));
      for (const option of field.options ?? []) select.append(el('option', { value: option }, option));
      return { input: select };
    }
    case 'date':
      return { input: el('input', { ...base, type: 'date' }) };
    case 'time':
      return { input: el('input', { ...base, type: 'time' }) };
    case 'datetime':
      return { input: el('input', { ...base, type: 'datetime-local' }) };
    case 'integer':
      return { input: el('input', { ...base, type: 'text', inputmode: 'numeric', autocomplete: 'off' }) };
    case 'number':
    case 'money':
    case 'percent':
    case 'duration':
      return { input: el('input', { ...base, type: 'text', inputmode: 'decimal', autocomplete: 'off' }) };
    case 'email':
      return {
        input: el('input', { ...base, type: field.multiple ? 'text' : 'email', autocomplete: 'off' }),
      };
    case 'phone':
      return { input: el('input', { ...base, type: 'tel', autocomplete: 'off' }) };
    case 'url':
      return { input: el('input', { ...base, type: 'url', autocomplete: 'off' }) };
    case 'ref': {
      datalistCounter += 1;
      const listId = `l-${field.key}-${datalistCounter}`;
      const list = el('datalist', { id: listId });
      for (const label of refOptions) list.append(el('option', { value: label }));
      return {
        input: el('input', { ...base, type: 'text', list: listId, autocomplete: 'off' }),
        extra: list,
      };
    }
    default: {
      const attrs: Record<string, string> = { ...base, type: 'text', autocomplete: 'off' };
      if (field.maxLength) attrs.maxlength = String(field.maxLength);
      return { input: el('input', attrs) };
    }
  }
}

/** A stored value as the user would type it back in this field. */
export function toInputText(field: FormField, value: FormValue, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') {
    if (field.type === 'percent') return decimal(round(value * 100), locale);
    if (field.type === 'duration') {
      const minutes = Math.round(value * 24 * 60);
      const rest = minutes % 60;
      return `${Math.floor(minutes / 60)}h${rest < 10 ? '0' : ''}${rest}`;
    }
    // An amount shows its cents, as the sheet's money format does (45,50, not 45,5).
    if (field.type === 'money') return decimal2(value, locale);
    return decimal(value, locale);
  }
  if (typeof value === 'boolean') return value ? t(locale, 'form.yes') : '';
  if (field.type === 'datetime') return value.slice(0, 16);
  return value;
}

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

function decimal2(n: number, locale: Locale): string {
  const text = (Math.round(n * 100) / 100).toFixed(2);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

function decimal(n: number, locale: Locale): string {
  const text = String(round(n));
  return locale === 'fr' ? text.replace('.', ',') : text;
}
