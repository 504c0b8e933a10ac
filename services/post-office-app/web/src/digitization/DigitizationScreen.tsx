export function DigitizationScreen() {
  return <p>Đang xây dựng.</p>;
}
