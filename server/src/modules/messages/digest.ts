import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createTransport, type Transporter } from 'nodemailer';
import { z } from 'zod';
import { uuidArray } from '../../auth/access.js';
import type { Viewer } from '../../auth/viewer.js';
import type { AppConfig } from '../../core/config.js';
import { badInput } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { Person } from '../people/person.entity.js';
import { type DigestFrequency, DigestSubscription } from './digest-subscription.entity.js';

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/**
 * SMTP when SMTP_URL is set; otherwise each message is written as an .eml file to
 * DATA_DIR/outbox, so the demo shows what would have been sent.
 */
export function createMailer(config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'dataDir'>): Mailer {
  if (config.smtpUrl) {
    const smtp: Transporter = createTransport(config.smtpUrl);
    return {
      send: async (m) => {
        await smtp.sendMail({ from: config.mailFrom, ...m });
      },
      close: () => smtp.close(),
    };
  }
  const outbox = join(config.dataDir, 'outbox');
  const stream = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    send: async (m) => {
      const info = await stream.sendMail({ from: config.mailFrom, ...m });
      mkdirSync(outbox, { recursive: true });
      writeFileSync(
        join(outbox, `${Date.now()}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`),
        info.message as Buffer,
      );
    },
    close: () => stream.close(),
  };
}

const email = z.string().trim().email().max(254);

/** A parent subscribes to (or, with frequency null, leaves) the digest (R-DRY-3). */
export async function setDigestSubscription(
  em: EntityManager,
  viewer: Viewer,
  frequency: DigestFrequency | null,
  address: string | null,
): Promise<DigestSubscription | null> {
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(DigestSubscription, { person: viewer.personId });
    if (!frequency) {
      if (existing) {
        tx.remove(existing);
      }
      return null;
    }
    const person = await tx.findOneOrFail(Person, viewer.personId);
    const parsed = email.safeParse(address ?? person.email ?? '');
    if (!parsed.success) {
      throw badInput('email', 'digest.email');
    }
    if (existing) {
      existing.frequency = frequency;
      existing.email = parsed.data;
      return existing;
    }
    const created = tx.create(DigestSubscription, {
      person,
      frequency,
      email: parsed.data,
    });
    tx.persist(created);
    return created;
  });
}

interface Line {
  student: string;
  kind: 'mark' | 'changed' | 'removed' | 'absence' | 'homework';
  date: string;
  subject: string;
  text: string;
}

/**
 * What happened to a parent's children since `since`: marks set, changed (old → new) and removed
 * (from the audit trail, which keeps what a removed mark was), absences, and homework of the pages
 * that reach the child — the whole class, the child's subgroup that day, or the child alone.
 */
async function linesFor(em: EntityManager, parentId: string, since: Date): Promise<Line[]> {
  return em.execute<Line[]>(
    `with kids as (select student_id from guardianship where guardian_id = ?),
     mark_audit as (
       select ev.action, coalesce(ev.after, ev.before) as mark, ev.before, ev.after, ev.entity_id
         from audit_event ev
        where ev.school_id in (select school_id from guardianship where guardian_id = ?)
          and ev.occurred_at > ? and ev.entity_type = 'Mark' and ev.action in ('update', 'delete'))
     select concat_ws(' ', p.last_name, p.first_name) as student, 'mark' as kind,
            to_char(l.date, 'DD.MM.YYYY') as date, s.name as subject, m.value as text
       from mark m join kids k on k.student_id = m.student_id join person p on p.id = m.student_id
       join lesson l on l.id = m.lesson_id join teaching_assignment a on a.id = l.assignment_id
       join subject s on s.id = a.subject_id
      where m.created_at > ?
     union all
     select concat_ws(' ', p.last_name, p.first_name),
            case ma.action when 'update' then 'changed' else 'removed' end,
            to_char(l.date, 'DD.MM.YYYY'), s.name,
            case ma.action when 'update' then concat(ma.before->>'value', ' → ', ma.after->>'value')
                           else ma.before->>'value' end
       from mark_audit ma join kids k on k.student_id = (ma.mark->>'studentId')::uuid
       join person p on p.id = k.student_id join lesson l on l.id = (ma.mark->>'lessonId')::uuid
       join teaching_assignment a on a.id = l.assignment_id join subject s on s.id = a.subject_id
      where (ma.action = 'delete' or ma.before->>'value' is distinct from ma.after->>'value')
        -- A mark set within the digest's span shows as set, with its value now.
        and not exists (select 1 from audit_event c
                         where c.entity_type = 'Mark' and c.entity_id = ma.entity_id
                           and c.action = 'create' and c.occurred_at > ?)
     union all
     select concat_ws(' ', p.last_name, p.first_name), 'absence', to_char(l.date, 'DD.MM.YYYY'),
            s.name, at.status::text
       from attendance at join kids k on k.student_id = at.student_id
       join person p on p.id = at.student_id join lesson l on l.id = at.lesson_id
       join teaching_assignment a on a.id = l.assignment_id join subject s on s.id = a.subject_id
      where at.created_at > ?
     union all
     select concat_ws(' ', p.last_name, p.first_name), 'homework', to_char(l.date, 'DD.MM.YYYY'),
            s.name, h.text
       from homework h join lesson l on l.id = h.lesson_id
       join teaching_assignment a on a.id = l.assignment_id join subject s on s.id = a.subject_id
       join enrolment e on e.school_class_id = a.school_class_id
        and e.starts_on <= l.date and (e.ends_on is null or e.ends_on > l.date)
       join kids k on k.student_id = e.student_id join person p on p.id = e.student_id
      where h.created_at > ?
        and (a.individual_student_id is null or a.individual_student_id = e.student_id)
        and (a.subgroup_id is null or exists (
              select 1 from subgroup_membership sm
               where sm.subgroup_id = a.subgroup_id and sm.student_id = e.student_id
                 and sm.starts_on <= l.date and (sm.ends_on is null or sm.ends_on > l.date)))
      order by 1, 3, 2`,
    [parentId, parentId, since, since, since, since, since],
  );
}

const WORDS = {
  ru: {
    subject: 'Classbook: дневник ваших детей',
    intro: 'Новое в дневнике с',
    mark: 'оценка',
    changed: 'оценка исправлена:',
    removed: 'оценка удалена:',
    absence: 'отсутствие',
    homework: 'домашнее задание',
    ABSENT: 'не был(а) на уроке',
    LATE: 'опоздание',
    nothing: 'Новых записей нет.',
  },
  en: {
    subject: "Classbook: your children's diary",
    intro: 'New in the diary since',
    mark: 'mark',
    changed: 'mark corrected:',
    removed: 'mark removed:',
    absence: 'absence',
    homework: 'homework',
    ABSENT: 'absent',
    LATE: 'late',
    nothing: 'Nothing new.',
  },
} as const;

function compose(locale: string, since: Date, lines: Line[]) {
  const w = locale === 'en' ? WORDS.en : WORDS.ru;
  const body = lines.map((l) => {
    const what = l.kind === 'absence' ? (l.text === 'LATE' ? w.LATE : w.ABSENT) : l.text;
    return `${l.student} — ${l.date}, ${l.subject}: ${w[l.kind]} ${what}`;
  });
  return {
    subject: w.subject,
    text: `${w.intro} ${since.toISOString().slice(0, 10)}:\n\n${body.length ? body.join('\n') : w.nothing}\n`,
  };
}

/**
 * Sends every digest that is due. Each subscription is locked while its digest goes out
 * (`skip locked`), so several server instances never send the same digest twice. A digest that
 * fails to send (the SMTP server refuses an address, a timeout) is logged and left due: the run
 * goes on with the others, and the next run tries it again.
 */
export async function sendDueDigests(
  em: EntityManager,
  mailer: Mailer,
  log: Logger,
  now = new Date(),
): Promise<number> {
  let sent = 0;
  const failed: string[] = [];
  for (;;) {
    let attempted: string | null = null;
    try {
      const done = await em.fork().transactional(async (tx) => {
        const [due] = await tx.execute<
          { id: string; person_id: string; email: string; last_sent_at: Date; locale: string }[]
        >(
          `select d.id, d.person_id, d.email, d.last_sent_at, p.locale
             from digest_subscription d join person p on p.id = d.person_id
            where d.last_sent_at <= ?::timestamptz - case d.frequency when 'DAILY' then interval '1 day'
                                                                    else interval '7 days' end
              and d.id <> all(?::uuid[])
            order by d.last_sent_at limit 1 for update of d skip locked`,
          [now, uuidArray(failed)],
        );
        if (!due) {
          return false;
        }
        attempted = due.id;
        const since = new Date(due.last_sent_at);
        const lines = await linesFor(tx, due.person_id, since);
        await mailer.send({ to: due.email, ...compose(due.locale, since, lines) });
        await tx.nativeUpdate(DigestSubscription, { id: due.id }, { lastSentAt: now });
        return true;
      });
      if (!done) {
        break;
      }
      sent++;
    } catch (err) {
      if (attempted === null) {
        throw err; // the database, not one digest: nothing else would go out either
      }
      failed.push(attempted);
      log.warn({ err, subscriptionId: attempted }, 'digest not sent; retried at the next run');
    }
  }
  if (sent > 0 || failed.length > 0) {
    log.info({ sent, failed: failed.length }, 'digests sent');
  }
  return sent;
}
