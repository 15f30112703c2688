import { COSTS, Runtime } from '../../../local/emulator/runtime';
import { ScriptAppEmulator, TRIGGER_LIMITS } from '../../../local/emulator/services';

const ss = { getId: () => 'sheet-1' };
const app = () => new ScriptAppEmulator(new Runtime(), { user: 'a@x.fr', scriptId: 'abc' });

describe('ScriptApp', () => {
  test('a time-based trigger is recorded with its handler, type, source and schedule', () => {
    const s = app();
    const t = s.newTrigger('nightly').timeBased().everyDays(1).atHour(3).create();
    expect(t.getHandlerFunction()).toBe('nightly');
    expect(t.getEventType()).toBe(s.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(s.TriggerSource.CLOCK);
    expect(s._triggers()[0].schedule).toEqual({ everyDays: 1, atHour: 3 });
  });

  test('spreadsheet triggers for onEdit, onChange, onOpen, onFormSubmit', () => {
    const s = app();
    for (const kind of ['onEdit', 'onChange', 'onOpen', 'onFormSubmit'] as const) {
      s.newTrigger('h').forSpreadsheet(ss)[kind]().create();
    }
    expect(s.getProjectTriggers().map((t) => t.getEventType())).toEqual([
      'ON_EDIT',
      'ON_CHANGE',
      'ON_OPEN',
      'ON_FORM_SUBMIT',
    ]);
    expect(s.getUserTriggers(ss)[0].getTriggerSourceId()).toBe('sheet-1');
  });

  test('creating the same trigger twice records two triggers: the caller must deduplicate', () => {
    const s = app();
    s.newTrigger('sync').timeBased().everyHours(1).create();
    s.newTrigger('sync').timeBased().everyHours(1).create();
    const list = s.getProjectTriggers();
    expect(list).toHaveLength(2);
    expect(list[0].getUniqueId()).not.toBe(list[1].getUniqueId());
  });

  test('the 21st trigger of a user throws Google’s text', () => {
    const s = app();
    for (let i = 0; i < 20; i++) s.newTrigger(`h${i}`).timeBased().everyMinutes(5).create();
    expect(() => s.newTrigger('one-more').timeBased().everyMinutes(5).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(TRIGGER_LIMITS.perUserPerScript).toBe(20);
  });

  test('the limit is per user: another user may still create triggers', () => {
    const s = app();
    for (let i = 0; i < 20; i++) s.newTrigger(`h${i}`).timeBased().everyMinutes(5).create();
    s._setUser('b@x.fr');
    expect(() => s.newTrigger('b').timeBased().everyMinutes(5).create()).not.toThrow();
    expect(s.getProjectTriggers()).toHaveLength(1);
  });

  test('deleteTrigger removes it and frees a place', () => {
    const s = app();
    const t = s.newTrigger('h').timeBased().everyMinutes(1).create();
    s.deleteTrigger(t);
    expect(s.getProjectTriggers()).toEqual([]);
  });

  test('everyMinutes accepts only 1, 5, 10, 15 or 30', () => {
    expect(() => app().newTrigger('h').timeBased().everyMinutes(7)).toThrow('everyMinutes');
  });

  test('a clock trigger without a recurrence cannot be created', () => {
    expect(() => app().newTrigger('h').timeBased().create()).toThrow();
  });

  test('enums, script id and OAuth token', () => {
    const s = app();
    expect(s.AuthMode.FULL).toBe('FULL');
    expect(s.getScriptId()).toBe('abc');
    expect(s.getOAuthToken()).toMatch(/^ya29\./);
  });

  test('create is charged as a metadata write, listing as a read', () => {
    const rt = new Runtime();
    const s = new ScriptAppEmulator(rt);
    rt.beginExecution('x', 'normal', false);
    s.newTrigger('h').timeBased().everyHours(1).create();
    s.getProjectTriggers();
    expect(rt.endExecution().ms).toBe(COSTS.propertiesWrite + COSTS.propertiesRead);
  });

  test('snapshot/restore keeps triggers and their ids', () => {
    const s = app();
    s.newTrigger('h').timeBased().everyHours(1).create();
    const again = app();
    again.restore(JSON.parse(JSON.stringify(s.snapshot())));
    const t = again.newTrigger('h2').timeBased().everyHours(1).create();
    expect(again.getProjectTriggers()).toHaveLength(2);
    expect(t.getUniqueId()).not.toBe(s.getProjectTriggers()[0].getUniqueId());
  });
});
