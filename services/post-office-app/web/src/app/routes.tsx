import type { ReactNode } from 'react';
import { CounterQueueScreen } from '../counter/CounterQueueScreen';
import { DossierSearchScreen } from '../counter/DossierSearchScreen';
import { RegistrationScreen } from '../counter/RegistrationScreen';
import { CourierScreen } from '../courier/CourierScreen';
import { DigitizationScreen } from '../digitization/DigitizationScreen';
import { OutboxScreen } from '../outbox/OutboxScreen';
import { DeliveriesScreen } from '../returns/DeliveriesScreen';
import type { StaffRole } from '../session/staff-session';

export interface ScreenRoute {
  readonly path: string;
  readonly title: string;
  /** Who sees it: a screen outside one's role is neither listed nor reachable by its address. */
  readonly roles: readonly StaffRole[];
  readonly render: () => ReactNode;
}

export const ROUTES: readonly ScreenRoute[] = [
  { path: '/tiep-nhan', title: 'Tiếp nhận hồ sơ', roles: ['clerk'], render: () => <RegistrationScreen /> },
  { path: '/viec-cho', title: 'Việc chờ tại quầy', roles: ['clerk'], render: () => <CounterQueueScreen /> },
  { path: '/tra-cuu', title: 'Tra cứu hồ sơ', roles: ['clerk'], render: () => <DossierSearchScreen /> },
  { path: '/so-hoa', title: 'Số hoá hồ sơ', roles: ['digitization-operator'], render: () => <DigitizationScreen /> },
  { path: '/chuyen-phat', title: 'Quét bưu gửi', roles: ['courier', 'clerk'], render: () => <CourierScreen /> },
  { path: '/phat-tra', title: 'Phát trả kết quả', roles: ['courier', 'clerk'], render: () => <DeliveriesScreen /> },
  { path: '/hop-thu-di', title: 'Hộp thư đi', roles: ['clerk', 'digitization-operator', 'courier'], render: () => <OutboxScreen /> },
];

export function routesFor(role: StaffRole): ScreenRoute[] {
  return ROUTES.filter((route) => route.roles.includes(role));
}
