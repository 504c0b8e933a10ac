export function DeliveriesScreen() {
  return <p>Đang xây dựng.</p>;
}
