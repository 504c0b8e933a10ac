/** Per-topic settings honoured by the broker; anything else a client sets is stored and described only. */
export interface TopicSettings {
  /** Delete whole segments whose newest record is older than this; -1 keeps forever. */
  readonly retentionMs: number;
  /** Delete the oldest segments while the partition is larger than this; -1 means no limit. */
  readonly retentionBytes: number;
  /** Roll to a new segment past this size, so retention can free space in steps. */
  readonly segmentBytes: number;
  /** Roll the active segment when it is older than this, so time retention applies to quiet topics. */
  readonly segmentMs: number;
  /** Largest record batch accepted (Kafka's max.message.bytes). */
  readonly maxMessageBytes: number;
}

export const DEFAULT_TOPIC_SETTINGS: TopicSettings = {
  retentionMs: 7 * 24 * 3600 * 1000,
  retentionBytes: -1,
  segmentBytes: 64 * 1024 * 1024,
  segmentMs: 7 * 24 * 3600 * 1000,
  maxMessageBytes: 1048588,
};

const CONFIG_KEYS: Record<string, keyof TopicSettings> = {
  'retention.ms': 'retentionMs',
  'retention.bytes': 'retentionBytes',
  'segment.bytes': 'segmentBytes',
  'segment.ms': 'segmentMs',
  'max.message.bytes': 'maxMessageBytes',
};

export const KNOWN_TOPIC_CONFIGS = Object.keys(CONFIG_KEYS);

export class InvalidTopicConfigError extends Error {}

/** Settings from a topic's config entries, falling back to the broker's defaults. */
export function topicSettingsFrom(configs: Record<string, string>, defaults: TopicSettings): TopicSettings {
  const settings: Record<string, number> = { ...defaults };
  for (const [key, value] of Object.entries(configs)) {
    const field = CONFIG_KEYS[key];
    if (!field) continue;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || (parsed < 0 && parsed !== -1)) {
      throw new InvalidTopicConfigError(`${key} must be an integer ≥ 0 or -1, got "${value}"`);
    }
    settings[field] = parsed;
  }
  return settings as unknown as TopicSettings;
}
