import { useEffect } from 'react';
import { ROLE_TITLES } from '../session/staff-session';
import { routesFor } from './routes';
import { useStaff } from './staff-context';
import { usePath } from './use-path';

/** Header (who, where, connection, outbox), the role's screens as tabs, and the screen itself. */
export function AppShell() {
  const { session, outboxItems, online, signOut } = useStaff();
  const routes = routesFor(session.staff.role);
  const [path, navigate] = usePath();
  const route = routes.find((candidate) => candidate.path === path) ?? routes[0]!;
  useEffect(() => {
    document.title = `${route.title} — Bưu cục ${session.staff.postalCode ?? ''}`;
  }, [route, session]);
  const pending = outboxItems.filter((item) => item.state === 'waiting' || item.state === 'sending').length;
  const failed = outboxItems.filter((item) => item.state === 'failed').length;
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="shell-who">
          <strong>{session.staff.displayName}</strong>
          <span>
            {ROLE_TITLES[session.staff.role]} · Bưu cục {session.staff.postalCode}
          </span>
        </div>
        <div className="shell-status" role="status" aria-live="polite">
          <span className={online ? 'badge badge-ok' : 'badge badge-warn'}>{online ? 'Trực tuyến' : 'Mất kết nối — thao tác được lưu vào hộp thư đi'}</span>
          <button type="button" className="link-button" onClick={() => navigate('/hop-thu-di')}>
            Hộp thư đi: {pending} chờ gửi{failed > 0 ? `, ${failed} bị từ chối` : ''}
          </button>
        </div>
        <button type="button" onClick={signOut}>
          Đăng xuất
        </button>
      </header>
      <nav className="shell-nav" aria-label="Chức năng">
        {routes.map((candidate) => (
          <a
            key={candidate.path}
            href={candidate.path}
            aria-current={candidate === route ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(candidate.path);
            }}
          >
            {candidate.title}
          </a>
        ))}
      </nav>
      <main className="shell-main" id="main">
        <h1>{route.title}</h1>
        {route.render()}
      </main>
    </div>
  );
}
