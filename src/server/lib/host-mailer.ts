import nodemailer from 'nodemailer';

export interface HostMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}
export interface HostMailer {
  send(mail: HostMail): Promise<void>;
}

/**
 * Sends hosts their visitors' approval e-mails through SMTP (`SMTP_URL`, `SMTP_FROM`). The URL may
 * hold the SMTP password: it is never logged, and a failure is reported without it.
 */
export function createHostMailer(smtpUrl: string, from: string): HostMailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from, ...mail });
      } catch (error) {
        const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : 'unknown';
        throw new Error(`the SMTP server did not take the e-mail (${code})`, { cause: error });
      }
    },
  };
}
