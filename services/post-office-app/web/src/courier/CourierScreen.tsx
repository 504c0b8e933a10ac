export function CourierScreen() {
  return <p>Đang xây dựng.</p>;
}
