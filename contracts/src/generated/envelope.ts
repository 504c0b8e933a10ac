/* eslint-disable */
// GENERATED FILE: do not edit. Source: contracts/schemas (JSON Schema 2020-12).
// Regenerate with `node tools/run-ts.mjs contracts/scripts/generate-types.ts`.

/**
 * Envelope CloudEvents 1.0 (chế độ structured, JSON) của mọi sự kiện BCCI. Giá trị Kafka là envelope; khoá Kafka = subject (mã hồ sơ nội bộ). W3C traceparent/tracestate đi trong header Kafka, không nằm trong envelope.
 */
export interface CloudEventEnvelope {
  /**
   * Phiên bản CloudEvents.
   */
  specversion: '1.0';
  /**
   * Định danh duy nhất của sự kiện (khoá chống trùng của inbox).
   */
  id: string;
  /**
   * Kiểu sự kiện: bcci.<producer>.<event-name>.v<major>.
   */
  type: string;
  /**
   * Dịch vụ phát sinh sự kiện: /bcci/<producer>.
   */
  source: string;
  /**
   * Đối tượng của sự kiện: mã hồ sơ nội bộ (dossierId, UUID) với mọi sự kiện hồ sơ; importId với sự kiện nhập mẫu số. Bằng khoá Kafka.
   */
  subject: string;
  /**
   * Thời điểm xảy ra (RFC 3339).
   */
  time: string;
  /**
   * Kiểu nội dung của data.
   */
  datacontenttype: 'application/json';
  /**
   * URI của JSON Schema mô tả data (định danh, không tải qua mạng).
   */
  dataschema: string;
  /**
   * Mã tương quan: id của yêu cầu/sự kiện gốc khởi đầu chuỗi (giữ nguyên suốt hành trình).
   */
  correlationid: string;
  /**
   * Mã nguyên nhân: id của sự kiện hoặc yêu cầu HTTP trực tiếp gây ra sự kiện này (bằng correlationid ở sự kiện gốc).
   */
  causationid: string;
  /**
   * Thuộc tính mở rộng: trạng thái hồ sơ quốc gia 1–10 mà hệ thống một cửa của cơ quan dùng (chỉ có ở các sự kiện làm đổi trạng thái quốc gia).
   */
  nationalstatus?: number;
  /**
   * Thuộc tính mở rộng: kênh quốc gia (1 trực tiếp, 2 trực tuyến, 3 BCCI). Bắt buộc khi có nationalstatus.
   */
  channel?: 1 | 2 | 3;
  /**
   * Dữ liệu sự kiện, theo schema trong dataschema.
   */
  data: {
    [k: string]: unknown | undefined;
  };
}

/**
 * Header Kafka của mọi bản ghi sự kiện BCCI (giá trị là chuỗi UTF-8). Ngữ cảnh truy vết W3C đi ở đây, không nằm trong envelope.
 */
export interface BcciKafkaHeaders {
  /**
   * CloudEvents structured mode.
   */
  'content-type': 'application/cloudevents+json; charset=UTF-8';
  /**
   * W3C Trace Context traceparent: version-traceid-parentid-flags.
   */
  traceparent: string;
  /**
   * W3C Trace Context tracestate (tuỳ chọn).
   */
  tracestate?: string;
  [k: string]: unknown | undefined;
}

/**
 * Header thêm vào khi một bản ghi bị chuyển sang <topic>.dlq. Giá trị, khoá và các header gốc được giữ nguyên để phát lại.
 */
export interface DeadLetterHeaders {
  /**
   * Lý do (thông điệp lỗi kiểm tra hợp lệ hoặc lỗi xử lý cuối cùng), không chứa dữ liệu cá nhân.
   */
  'dlq-reason': string;
  /**
   * VALIDATION (sai contract) hoặc PROCESSING (lỗi sau khi thử lại có giới hạn).
   */
  'dlq-error-kind'?: 'VALIDATION' | 'PROCESSING';
  /**
   * Topic gốc.
   */
  'dlq-original-topic': string;
  /**
   * Partition gốc.
   */
  'dlq-original-partition': string;
  /**
   * Offset gốc.
   */
  'dlq-original-offset': string;
  /**
   * Consumer group đã thất bại.
   */
  'dlq-consumer': string;
  /**
   * Thời điểm chuyển sang DLQ.
   */
  'dlq-failed-at': string;
  /**
   * Số lần đã thử.
   */
  'dlq-attempts': string;
  [k: string]: unknown | undefined;
}
