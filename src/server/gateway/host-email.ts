import type { HostAnswer } from '../../contract/visitors-api';
import type { VisitorRecord } from '../../contract/nexudus-visitors';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The words of each answer, as NexIO's host e-mail offers them. */
export const HOST_ANSWER_WORDS: Record<HostAnswer, string> = {
  collect: "Approve, I'll collect them",
  desk: 'Approve, send them to my desk',
  decline: 'Decline',
};

/** The host's e-mail: who is at reception, and one link per answer (each single-use, expiring). */
export function hostEmail(visitor: VisitorRecord, locationName: string, answerUrl: (answer: HostAnswer) => string) {
  const who = visitor.CompanyName ? `${visitor.FullName} (${visitor.CompanyName})` : visitor.FullName;
  const subject = `${visitor.FullName} is at reception to see you`;
  const answers = (['collect', 'desk', 'decline'] as const).map((answer) => ({
    answer,
    words: HOST_ANSWER_WORDS[answer],
    url: answerUrl(answer),
  }));
  const text = [
    `${who} is at reception in ${locationName} and says they are visiting you.`,
    '',
    ...answers.map((a) => `${a.words}: ${a.url}`),
    '',
    'Each link works once and for 4 hours. If this was not your visitor, choose Decline and reception will help them.',
  ].join('\n');
  const html = `<p>${escapeHtml(who)} is at reception in ${escapeHtml(locationName)} and says they are visiting you.</p>
<ul>${answers.map((a) => `<li><a href="${escapeHtml(a.url)}">${escapeHtml(a.words)}</a></li>`).join('')}</ul>
<p>Each link works once and for 4 hours. If this was not your visitor, choose Decline and reception will help them.</p>`;
  return { subject, text, html };
}
