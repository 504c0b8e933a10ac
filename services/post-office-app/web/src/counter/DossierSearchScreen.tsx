export function DossierSearchScreen() {
  return <p>Đang xây dựng.</p>;
}
