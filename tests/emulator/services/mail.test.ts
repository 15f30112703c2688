import { COSTS, Runtime } from '../../../local/emulator/runtime';
import { MAIL_LIMITS, MailAppEmulator } from '../../../local/emulator/services';

function setup() {
  const rt = new Runtime();
  return { rt, mail: new MailAppEmulator(rt) };
}

describe('MailApp', () => {
  test('sendEmail(recipient, subject, body) is recorded in the outbox', () => {
    const { rt, mail } = setup();
    mail.sendEmail('a@x.fr', 'Rappel', 'Bonjour');
    expect(mail.outbox).toEqual([
      {
        to: ['a@x.fr'],
        cc: [],
        bcc: [],
        subject: 'Rappel',
        body: 'Bonjour',
        htmlBody: null,
        name: null,
        replyTo: null,
        attachments: 0,
        sentAt: rt.clock.now(),
      },
    ]);
  });

  test('sendEmail(message) with htmlBody, cc and options', () => {
    const { mail } = setup();
    mail.sendEmail({
      to: 'a@x.fr, b@x.fr',
      cc: 'c@x.fr',
      subject: 'S',
      htmlBody: '<b>x</b>',
      name: 'Pilote',
    });
    expect(mail.outbox[0]).toMatchObject({ to: ['a@x.fr', 'b@x.fr'], cc: ['c@x.fr'], htmlBody: '<b>x</b>' });
  });

  test('sendEmail(recipient, subject, body, options) keeps htmlBody, name and replyTo', () => {
    const { mail } = setup();
    mail.sendEmail('a@x.fr', 'Sujet', 'texte', {
      htmlBody: '<p>texte</p>',
      name: 'Pilote',
      replyTo: 'r@x.fr',
    });
    expect(mail.outbox[0]).toMatchObject({
      to: ['a@x.fr'],
      subject: 'Sujet',
      body: 'texte',
      htmlBody: '<p>texte</p>',
      name: 'Pilote',
      replyTo: 'r@x.fr',
    });
  });

  test('sendEmail(to, replyTo, subject, body): four strings, the second is the reply-to address', () => {
    const { mail } = setup();
    mail.sendEmail('a@x.fr', 'r@x.fr', 'Sujet', 'texte');
    expect(mail.outbox[0]).toMatchObject({
      to: ['a@x.fr'],
      replyTo: 'r@x.fr',
      subject: 'Sujet',
      body: 'texte',
    });
  });

  test('the consumer quota is 100 recipients a day, each recipient counting', () => {
    const { mail } = setup();
    expect(mail.getRemainingDailyQuota()).toBe(100);
    mail.sendEmail({ to: 'a@x.fr', cc: 'b@x.fr', bcc: 'c@x.fr', subject: 's', body: 'b' });
    expect(mail.getRemainingDailyQuota()).toBe(97);
  });

  test('past the quota, sendEmail throws Google’s text and sends nothing', () => {
    const { mail } = setup();
    for (let i = 0; i < 100; i++) mail.sendEmail(`u${i}@x.fr`, 's', 'b');
    expect(() => mail.sendEmail('late@x.fr', 's', 'b')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(mail.outbox).toHaveLength(100);
  });

  test('the quota resets 24 h after the first send', () => {
    const { rt, mail } = setup();
    mail.sendEmail('a@x.fr', 's', 'b');
    rt.clock.advance(MAIL_LIMITS.windowMs);
    expect(mail.getRemainingDailyQuota()).toBe(100);
  });

  test('no recipient throws "Failed to send email: no recipient"', () => {
    expect(() => setup().mail.sendEmail({ to: '', subject: 's', body: 'b' })).toThrow(
      'Failed to send email: no recipient',
    );
  });

  test('an invalid address throws "Invalid email: …"', () => {
    expect(() => setup().mail.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
  });

  test('each send is charged as a mail round trip', () => {
    const { rt, mail } = setup();
    rt.beginExecution('x', 'normal', false);
    mail.sendEmail('a@x.fr', 's', 'b');
    expect(rt.endExecution().ms).toBe(COSTS.mailSend);
  });

  test('snapshot/restore keeps the outbox and the quota used', () => {
    const { rt, mail } = setup();
    mail.sendEmail('a@x.fr', 's', 'b');
    const again = new MailAppEmulator(rt);
    again.restore(JSON.parse(JSON.stringify(mail.snapshot())));
    expect(again.outbox).toHaveLength(1);
    expect(again.getRemainingDailyQuota()).toBe(99);
  });
});
