import year2024 from './data/2024.json';
import year2025 from './data/2025.json';
import year2026 from './data/2026.json';
import year2027 from './data/2027.json';
import { type HolidayYear, loadHolidayYear } from './holiday-year';

/**
 * Every bundled year, checked at load. To add a year: write `data/<year>.json` from the government's
 * announcement, import it here, and run the kernel tests (README.md, "Adding a year").
 */
export const BUNDLED_HOLIDAY_YEARS: readonly HolidayYear[] = [year2024, year2025, year2026, year2027].map(loadHolidayYear);
