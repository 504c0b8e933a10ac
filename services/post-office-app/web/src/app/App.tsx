import { useState } from 'react';
import { SignInScreen } from '../session/SignInScreen';
import { rememberSession, storedSession, type StaffSession } from '../session/staff-session';
import { AppShell } from './AppShell';
import { StaffProvider } from './staff-context';

/** Signed out: the sign-in form. Signed in: the screens of one's role. */
export function App() {
  const [session, setSession] = useState<StaffSession | undefined>(() => storedSession());
  if (!session) {
    return (
      <SignInScreen
        onSignedIn={(next) => {
          rememberSession(next);
          setSession(next);
        }}
      />
    );
  }
  const signOut = () => {
    rememberSession(undefined);
    setSession(undefined);
  };
  return (
    <StaffProvider key={session.staff.username} session={session} onSignOut={signOut}>
      <AppShell />
    </StaffProvider>
  );
}
