import { useState, type FormEvent } from 'react';
import { signIn, type StaffSession } from './staff-session';

export function SignInScreen({ onSignedIn }: { onSignedIn: (session: StaffSession) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await signIn(username.trim(), password));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <form onSubmit={submit} className="card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Đăng nhập — Bưu cục</h1>
        <p>Dịch vụ công qua bưu chính (BCCI)</p>
        <label>
          Tên đăng nhập
          <input name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} autoFocus />
        </label>
        <label>
          Mật khẩu
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </main>
  );
}
