import { useId, useState } from 'react';
import { Notice } from '../ui/Field';
import { NOTICE_CHANNELS, type NoticeChannel, type ReturnView } from './returns-views';
import { useReturnStep } from './use-return-step';

/** Each counter notice is an invitation, two working days after the previous one (the service checks it). */
export function CounterNoticeForm({ ret, onDone }: { ret: ReturnView; onDone: (doneText: string) => void }) {
  const { busy, outcome, run } = useReturnStep(ret.dossierId, onDone);
  const [channel, setChannel] = useState<NoticeChannel>('SMS');
  const channelId = useId();
  const number = ret.invitations.length + 1;
  return (
    <section aria-labelledby={`notice-${ret.dossierId}`}>
      <h3 id={`notice-${ret.dossierId}`}>Mời nhận kết quả tại quầy (lần {number})</h3>
      <div className="field">
        <label htmlFor={channelId}>Kênh thông báo</label>
        <select id={channelId} value={channel} onChange={(event) => setChannel(event.target.value as NoticeChannel)}>
          {NOTICE_CHANNELS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() =>
          void run({
            kind: 'counter-notice',
            label: `Mời nhận tại quầy lần ${number} — ${ret.s10ItemId ?? ret.dossierId}`,
            step: 'counter-notice',
            json: { sentAt: new Date().toISOString(), channel },
            doneText: `Đã ghi nhận thông báo mời nhận tại quầy lần ${number}.`,
          })
        }
      >
        Gửi thông báo nhận tại quầy
      </button>
    </section>
  );
}

/**
 * An uncollected counter result goes back to the agency, only after two notices two working days
 * apart and two more working days: the service refuses earlier (422) and the clerk reads why.
 */
export function ReturnToAgencyForm({ ret, onDone }: { ret: ReturnView; onDone: (doneText: string) => void }) {
  const { busy, outcome, run } = useReturnStep(ret.dossierId, onDone);
  return (
    <section aria-labelledby={`back-${ret.dossierId}`}>
      <h3 id={`back-${ret.dossierId}`}>Trả lại cơ quan</h3>
      <p className="muted">Khi công dân không đến nhận sau 02 lần mời, mỗi lần cách nhau 02 ngày làm việc, và đã quá 02 ngày làm việc kể từ lần mời cuối.</p>
      {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() =>
          void run({
            kind: 'return-to-agency',
            label: `Trả lại cơ quan — ${ret.s10ItemId ?? ret.dossierId}`,
            step: 'return-to-agency',
            json: { returnedAt: new Date().toISOString() },
            doneText: `Đã ghi nhận trả lại kết quả ${ret.s10ItemId ?? ''} cho cơ quan.`,
          })
        }
      >
        Trả kết quả lại cơ quan
      </button>
    </section>
  );
}
