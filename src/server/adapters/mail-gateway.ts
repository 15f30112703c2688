/**
 * MailApp, the only code that sends e-mail (scope script.send_mail:
 * developers.google.com/apps-script/reference/mail/mail-app). Quotas are counted in recipients
 * per day (developers.google.com/apps-script/guides/services/quotas: 100 for consumer accounts,
 * 1,500 for Workspace); `getRemainingDailyQuota` says how many are left.
 */

/** One message in both forms, French first. */
export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
}

/** Recipients the script may still send to today. */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** Sends one message (one recipient) as « Pilote ». */
export function sendMail(mail: OutgoingMail): void {
  MailApp.sendEmail({
    to: mail.to,
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody,
    name: 'Pilote',
  });
}
