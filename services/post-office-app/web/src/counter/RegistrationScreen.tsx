export function RegistrationScreen() {
  return <p>Đang xây dựng.</p>;
}
