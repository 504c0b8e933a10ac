import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/api-error';
import { useQueue, useStaff } from '../app/staff-context';
import { Field, Notice } from '../ui/Field';
import { formatDay } from '../ui/format';
import type { DossierPage } from './counter-views';
import { DossierDetails, dossierStatusText } from './DossierDetails';
import { normalisePhone } from './registration-rules';

/** intake's SearchDossiersQueryDto: every filter given must match; names with or without diacritics. */
interface DossierSearch {
  readonly code: string;
  readonly postalItemId: string;
  readonly phone: string;
  readonly name: string;
}

const EMPTY: DossierSearch = { code: '', postalItemId: '', phone: '', name: '' };
const PAGE_SIZE = 20;

function searchErrors(search: DossierSearch): Partial<Record<keyof DossierSearch, string>> {
  return {
    ...(search.postalItemId.trim() && !/^[A-Z]{2}\d{9}[A-Z]{2}$/i.test(search.postalItemId.trim()) ? { postalItemId: 'Số hiệu bưu gửi gồm 2 chữ cái, 9 chữ số và 2 chữ cái, ví dụ EB000000015VN.' } : {}),
    ...(search.phone.trim() && !normalisePhone(search.phone) ? { phone: 'Số điện thoại không hợp lệ: di động gồm 10 số bắt đầu bằng 03, 05, 07, 08, 09.' } : {}),
    ...(search.code.trim().length > 60 ? { code: 'Mã hồ sơ dài tối đa 60 ký tự.' } : {}),
    ...(search.name.trim().length > 200 ? { name: 'Họ tên dài tối đa 200 ký tự.' } : {}),
  };
}

/** Tra cứu hồ sơ: the point's dossiers, newest first without a filter; details, slip, withdrawal, supplement. */
export function DossierSearchScreen() {
  const { api } = useStaff();
  // Opened from the counter's queue with a dossier's code (`/tra-cuu?ma=…`): searched at once.
  const [initial] = useState<DossierSearch>(() => ({ ...EMPTY, code: new URLSearchParams(window.location.search).get('ma')?.slice(0, 60) ?? '' }));
  const [draft, setDraft] = useState<DossierSearch>(initial);
  const [applied, setApplied] = useState<DossierSearch>(initial);
  const [page, setPage] = useState(1);
  const [attempted, setAttempted] = useState(false);
  const [selectedId, setSelectedId] = useState<string>();
  const errors = searchErrors(draft);
  const results = useQueue('counter', async () => {
    const query = {
      ...(applied.code.trim() ? { code: applied.code.trim() } : {}),
      ...(applied.postalItemId.trim() ? { postalItemId: applied.postalItemId.trim().toUpperCase() } : {}),
      ...(applied.phone.trim() ? { phone: applied.phone.trim() } : {}),
      ...(applied.name.trim() ? { name: applied.name.trim() } : {}),
      page,
      pageSize: PAGE_SIZE,
    };
    return dataOf<DossierPage>(await api.intake.GET('/dossiers', { params: { query } }));
  });

  function search(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(errors).length > 0) return;
    setApplied(draft);
    setPage(1);
    results.reload();
  }
  const goTo = (next: number) => {
    setPage(next);
    results.reload();
  };
  const field = (key: keyof DossierSearch) => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) => setDraft((previous) => ({ ...previous, [key]: event.target.value })),
    error: attempted || draft[key] ? errors[key] : undefined,
    autoComplete: 'off',
  });

  const data = results.data;
  const lastPage = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <form className="panel" role="search" aria-label="Tra cứu hồ sơ của bưu cục" onSubmit={search} noValidate>
        <div className="grid-2">
          <Field label="Mã hồ sơ (mã tạm BCCI-… hoặc mã của cơ quan)" {...field('code')} />
          <Field label="Số hiệu bưu gửi (S10)" {...field('postalItemId')} />
          <Field label="Số điện thoại người nộp hoặc người nhận" type="tel" {...field('phone')} />
          <Field label="Họ tên người nộp (có hoặc không dấu)" {...field('name')} />
        </div>
        <div className="actions">
          <button type="submit">Tìm hồ sơ</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(EMPTY);
              setApplied(EMPTY);
              setAttempted(false);
              setPage(1);
              results.reload();
            }}
          >
            Xoá điều kiện
          </button>
        </div>
      </form>

      {results.error && <Notice kind="error">{results.error}</Notice>}
      <section aria-labelledby="search-results-title" aria-busy={results.loading}>
        <h2 id="search-results-title">Kết quả{data ? ` (${data.total} hồ sơ)` : ''}</h2>
        {!data && results.loading && <p role="status">Đang tìm…</p>}
        {data && data.items.length === 0 && <p className="empty">Không có hồ sơ nào khớp điều kiện tra cứu.</p>}
        {data && data.items.length > 0 && (
          <table className="table" data-testid="dossier-results">
            <thead>
              <tr>
                <th scope="col">Mã hồ sơ tạm</th>
                <th scope="col">Mã của cơ quan</th>
                <th scope="col">S10</th>
                <th scope="col">Thủ tục</th>
                <th scope="col">Ngày nhận</th>
                <th scope="col">Tình trạng</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((dossier) => (
                <tr key={dossier.id}>
                  <td>{dossier.provisionalDossierId}</td>
                  <td>{dossier.dossierCode ?? '—'}</td>
                  <td>{dossier.postalItemId ?? '—'}</td>
                  <td>
                    {dossier.procedure.name}
                    <div className="muted">Hình thức {dossier.serviceForm}</div>
                  </td>
                  <td>{formatDay(dossier.intakeDay)}</td>
                  <td>{dossierStatusText(dossier)}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => setSelectedId(dossier.id)} aria-label={`Xem chi tiết ${dossier.provisionalDossierId}`}>
                      Xem chi tiết
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data && lastPage > 1 && (
          <nav className="actions" aria-label="Trang kết quả" style={{ marginTop: '0.5rem', alignItems: 'center' }}>
            <button type="button" className="secondary" disabled={page <= 1} onClick={() => goTo(page - 1)}>
              Trang trước
            </button>
            <span>
              Trang {page} / {lastPage}
            </span>
            <button type="button" className="secondary" disabled={page >= lastPage} onClick={() => goTo(page + 1)}>
              Trang sau
            </button>
          </nav>
        )}
      </section>

      {selectedId && <DossierDetails key={selectedId} dossierId={selectedId} onClose={() => setSelectedId(undefined)} onChanged={results.reload} />}
    </>
  );
}
