export function CounterQueueScreen() {
  return <p>Đang xây dựng.</p>;
}
