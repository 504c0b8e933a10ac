import { useId, useState } from 'react';
import { Field, Notice } from '../ui/Field';
import { formatVnd } from '../ui/format';
import { identityNumberProblem, type IdentityDocumentType } from './identity-document';
import { RECIPIENT_KINDS, type RecipientKind, type ReturnView } from './returns-views';
import { useReturnStep } from './use-return-step';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Errors = Partial<Record<'name' | 'idNumber' | 'matches' | 'authorisation' | 'documents' | 'fees', string>>;

/**
 * The handover to the recipient (TT 17/2017 Đ5.2.d–e, UPU EMI): the person and their ID document
 * checked (a proxy with the authorisation), the documents the agency wants back collected, the fees
 * still owed collected to the đồng. The name and the ID number are read here for the check and never
 * sent: the service records only who received (applicant, recipient, proxy), the document type and the match.
 */
export function DeliverForm({ ret, atCounter, onDone }: { ret: ReturnView; atCounter: boolean; onDone: (doneText: string) => void }) {
  const { busy, outcome, run } = useReturnStep(ret.dossierId, onDone);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<RecipientKind>('APPLICANT');
  const [documentType, setDocumentType] = useState<IdentityDocumentType>('CCCD');
  const [idNumber, setIdNumber] = useState('');
  const [matches, setMatches] = useState(false);
  const [authorisationRef, setAuthorisationRef] = useState('');
  const [takenBack, setTakenBack] = useState<Record<string, boolean>>({});
  const [fees, setFees] = useState(String(ret.feesToCollect ?? 0));
  const [errors, setErrors] = useState<Errors>({});
  const kindId = useId();
  const typeId = useId();
  const owed = ret.feesToCollect ?? 0;
  const proxy = kind === 'AUTHORISED_PROXY';

  const submit = async () => {
    const found: Errors = {};
    if (!name.trim()) found.name = 'Nhập họ tên người nhận để đối chiếu với giấy tờ.';
    const idProblem = identityNumberProblem(documentType, idNumber);
    if (idProblem) found.idNumber = idProblem;
    if (!matches) found.matches = 'Chỉ trao kết quả khi giấy tờ đúng là của người nhận và khớp hồ sơ; nếu không, ghi nhận phát không thành công.';
    if (proxy && !UUID.test(authorisationRef.trim())) found.authorisation = 'Nhập mã tham chiếu giấy uỷ quyền (dạng xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).';
    const missing = ret.documentsToTakeBack.filter((doc) => !takenBack[doc.documentCode]);
    if (missing.length > 0) found.documents = `Chưa thu hồi: ${missing.map((doc) => doc.title ?? doc.documentCode).join(', ')}.`;
    const collected = Number(fees);
    if (!/^\d+$/.test(fees) || collected !== owed) found.fees = `Số tiền thu phải đúng ${formatVnd(owed)}.`;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const sent = await run({
      kind: 'delivery',
      label: `${atCounter ? 'Trả kết quả tại quầy' : 'Phát kết quả'} — ${ret.s10ItemId ?? ret.dossierId}`,
      step: 'delivery',
      json: {
        deliveredAt: new Date().toISOString(),
        recipientKind: kind,
        identityDocumentType: documentType,
        identityMatches: true,
        ...(proxy ? { authorisationRef: authorisationRef.trim() } : {}),
        takenBackDocuments: ret.documentsToTakeBack.map((doc) => ({ documentCode: doc.documentCode, ...(doc.title ? { title: doc.title } : {}), count: doc.count })),
        feesCollected: collected,
      },
      doneText: `Đã phát kết quả ${ret.s10ItemId ?? ''} cho ${name.trim()}.`,
    });
    // The ID number is not kept on screen longer than the check needs.
    if (sent) setIdNumber('');
  };

  return (
    <section aria-labelledby={`deliver-${ret.dossierId}`}>
      <h3 id={`deliver-${ret.dossierId}`}>{atCounter ? 'Trả kết quả tại quầy' : 'Phát kết quả'}</h3>
      <div className="grid-2">
        <Field label="Người nhận" hint="Họ tên như trên giấy tờ; chỉ dùng để đối chiếu, không gửi đi." value={name} error={errors.name} autoComplete="off" onChange={(event) => setName(event.target.value)} />
        <div className="field">
          <label htmlFor={kindId}>Tư cách nhận</label>
          <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value as RecipientKind)}>
            {RECIPIENT_KINDS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={typeId}>Loại giấy tờ</label>
          <select id={typeId} value={documentType} onChange={(event) => setDocumentType(event.target.value as IdentityDocumentType)}>
            <option value="CCCD">Căn cước công dân</option>
            <option value="PASSPORT">Hộ chiếu</option>
          </select>
        </div>
        <Field
          label="Số giấy tờ tuỳ thân"
          hint="Chỉ để đối chiếu, không lưu, không gửi đi."
          value={idNumber}
          error={errors.idNumber}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setIdNumber(event.target.value)}
        />
      </div>
      {proxy && (
        <Field
          label="Mã tham chiếu giấy uỷ quyền"
          value={authorisationRef}
          error={errors.authorisation}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setAuthorisationRef(event.target.value)}
        />
      )}
      <div className={errors.matches ? 'field field-invalid' : 'field'}>
        <label style={{ fontWeight: 400, display: 'flex', gap: '0.4rem', alignItems: 'center' }}>
          <input type="checkbox" style={{ width: 'auto' }} checked={matches} onChange={(event) => setMatches(event.target.checked)} aria-invalid={errors.matches ? true : undefined} />
          Đã đối chiếu: giấy tờ đúng của người đến nhận và khớp hồ sơ
        </label>
        {errors.matches && <small className="error">{errors.matches}</small>}
      </div>
      {ret.documentsToTakeBack.length > 0 && (
        <fieldset className={errors.documents ? 'field field-invalid' : 'field'}>
          <legend>Giấy tờ cơ quan yêu cầu thu hồi</legend>
          {ret.documentsToTakeBack.map((doc) => (
            <label key={doc.documentCode} style={{ fontWeight: 400, display: 'flex', gap: '0.4rem', alignItems: 'center' }}>
              <input type="checkbox" style={{ width: 'auto' }} checked={takenBack[doc.documentCode] ?? false} onChange={(event) => setTakenBack({ ...takenBack, [doc.documentCode]: event.target.checked })} />
              Đã thu hồi: {doc.title ?? doc.documentCode} ({doc.count} bản)
            </label>
          ))}
          {errors.documents && <small className="error">{errors.documents}</small>}
        </fieldset>
      )}
      <Field
        label="Số tiền đã thu (đồng)"
        hint={`Phí, lệ phí còn phải nộp: ${formatVnd(owed)}.`}
        inputMode="numeric"
        value={fees}
        error={errors.fees}
        onChange={(event) => setFees(event.target.value.replace(/[.\s]/g, ''))}
      />
      {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
      <button type="button" onClick={() => void submit()} disabled={busy}>
        Xác nhận đã phát
      </button>
    </section>
  );
}
