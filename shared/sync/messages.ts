/**
 * Messages for the sync protocol: `syncError.<name>` for the platform's error catalogue
 * (shared/sync/errors.ts; parameters come from the response's `details`) and `validation.<code>` for
 * the document issues only the platform reports. i18next interpolation: {{param}}.
 */
import type { SyncErrorName } from './errors.ts';

type ErrorMessages = { [name in SyncErrorName as `syncError.${name}`]: string };

const platformValidationCodes = [
  'notObject',
  'missing',
  'type',
  'unknownField',
  'uuid',
  'isoInstant',
  'notNormalized',
  'duplicateCode',
  'foreignCounty',
  'idTaken',
  'unsupportedCharacter',
  'permission.unknownUser',
  'permission.userDisabled',
  'permission.historyRewritten',
  'permission.statusMismatch',
  'permission.notDraft',
  'auditLog.appendOnly',
] as const;
type ValidationMessages = {
  [code in (typeof platformValidationCodes)[number] as `validation.${code}`]: string;
};

export type SyncMessages = ErrorMessages & ValidationMessages;

const en: SyncMessages = {
  'syncError.invalidJson': 'The request body is not valid JSON.',
  'syncError.invalidBody': 'The request body does not have the expected form: {{reason}}',
  'syncError.invalidQuery': 'The query parameters are not valid: {{reason}}',
  'syncError.invalidCheckpoint': 'The checkpoint "{{checkpoint}}" is not valid.',
  'syncError.invalidHeader': 'The header {{header}} is missing or not valid.',
  'syncError.blobHashMismatch': 'The uploaded file does not match its SHA-256 hash (got {{actual}}).',
  'syncError.invalidBlobHash': 'A file is addressed by its SHA-256 hash: 64 lower-case hexadecimal digits.',
  'syncError.invalidEncoding': 'The request body could not be decoded ({{encoding}}).',
  'syncError.checkpointAhead':
    'The platform holds less of {{collection}} than this device has already received (it was restored from a backup). This device syncs again from the start; nothing on it is lost.',
  'syncError.missingCredentials': 'This request needs the device token. Enroll this device first.',
  'syncError.invalidToken': 'The device token is not valid. Enroll this device again.',
  'syncError.deviceRevoked': 'This device has been revoked by the administrator. Enroll it again to sync.',
  'syncError.enrollmentCodeUnknown':
    'This enrollment code is not known. Check the code or ask for a new one.',
  'syncError.enrollmentCodeExpired': 'This enrollment code has expired. Ask the administrator for a new one.',
  'syncError.enrollmentCodeUsed':
    'This enrollment code has already been used. Ask the administrator for a new one.',
  'syncError.operatorAuthFailed': 'The operator name or password is wrong.',
  'syncError.cityScopeReadOnly':
    'The collection {{collection}} is maintained by the city platform and is read-only.',
  'syncError.countyForbidden': 'You may not act on county {{county}}.',
  'syncError.notFound': 'There is nothing at {{method}} {{url}}.',
  'syncError.unknownCollection': 'There is no collection named {{collection}}.',
  'syncError.collectionNotServed': 'The platform does not sync the collection {{collection}} yet.',
  'syncError.blobNotFound': 'The file {{sha256}} is not stored for your county.',
  'syncError.deviceNotFound': 'There is no device {{deviceId}}.',
  'syncError.countyNotFound': 'There is no county {{county}} on the platform.',
  'syncError.reportSubjectOutsideCounty':
    'The report is about a subject of another county; this office cannot issue it.',
  'syncError.reportSubjectNotSynced':
    'The platform does not hold the report’s subject yet; the report is registered after the next sync.',
  'syncError.reportCodeTaken': 'Another report already carries verification code {{code}}.',
  'syncError.serialBlocksExhausted':
    'Every commitment number block of county {{county}} has been given out; ask the city platform administrator.',
  'syncError.serialBlockLimit':
    'This computer already holds {{max}} commitment number blocks, the most one computer may hold.',
  'syncError.bodyTooLarge': 'The request body is larger than {{limit}} bytes.',
  'syncError.tooManyRows': 'A push may carry at most {{max}} documents; this one carried {{count}}.',
  'syncError.blobTooLarge': 'A file may be at most {{limit}} bytes.',
  'syncError.unsupportedMediaType': 'The content type {{contentType}} is not accepted here.',
  'syncError.tooManyStreams':
    'This device already has {{max}} sync connections open. Close another CreditDesk window of this device, or wait a minute.',
  'syncError.signInThrottled':
    'Too many failed attempts from here or for this name. Try again in {{seconds}} seconds.',
  'syncError.signInLocked':
    'This operator account is locked after too many failed attempts. Ask the city operator to lift the lock.',
  'syncError.verifyThrottled':
    'Too many report verifications from this network: try again in {{seconds}} seconds.',
  'syncError.protocolMismatch':
    'This CreditDesk speaks sync protocol {{received}}, the platform speaks {{expected}}. Update CreditDesk.',
  'syncError.clientSchemaOutdated':
    'The platform expects version {{expected}} of {{collection}}, this CreditDesk has {{received}}. Update CreditDesk.',
  'syncError.platformSchemaOutdated':
    'This CreditDesk has version {{received}} of {{collection}}, the platform only knows {{expected}}. Ask the administrator to update the platform.',
  'syncError.internal': 'The platform had an internal problem. Try again later.',
  'syncError.unavailable': 'The platform is not available right now. Try again later.',
  'validation.notObject': 'The document is not an object.',
  'validation.missing': 'The field is missing.',
  'validation.type': 'The field must be of type {{expected}}.',
  'validation.unknownField': 'The field is not part of this kind of record.',
  'validation.uuid': 'The identifier is not a UUID.',
  'validation.isoInstant': 'The time is not an ISO 8601 instant.',
  'validation.notNormalized': 'The value is not in its normal form (trimmed, half-width, upper-case code).',
  'validation.duplicateCode': 'Another record of this county already has this code (record {{existingId}}).',
  'validation.foreignCounty':
    'The record belongs to another county; this device syncs county {{county}} only.',
  'validation.idTaken': 'The identifier is already used by a record of another county.',
  'validation.unsupportedCharacter':
    'The text contains a character that cannot be stored (NUL or a broken surrogate).',
  'validation.permission.unknownUser':
    'The platform knows no user {{userId}} in this county. Sync the users first, or ask the administrator.',
  'validation.permission.userDisabled': 'The user {{userId}} is disabled and may no longer change records.',
  'validation.permission.historyRewritten':
    'The review history of the record was changed; steps already taken cannot be altered or removed.',
  'validation.permission.statusMismatch':
    'The status does not follow from the review steps (expected {{expected}}); change it only by a review step.',
  'validation.permission.notDraft':
    'The record is {{status}}: only drafts may be edited. Return it to draft first.',
  'validation.auditLog.appendOnly': 'Audit entries can only be added, never changed or deleted.',
};

const zhCN: SyncMessages = {
  'syncError.invalidJson': '请求内容不是有效的 JSON。',
  'syncError.invalidBody': '请求内容格式不正确：{{reason}}',
  'syncError.invalidQuery': '查询参数无效：{{reason}}',
  'syncError.invalidCheckpoint': '同步检查点“{{checkpoint}}”无效。',
  'syncError.invalidHeader': '请求头 {{header}} 缺失或无效。',
  'syncError.blobHashMismatch': '上传的文件与其 SHA-256 摘要不符（实际为 {{actual}}）。',
  'syncError.invalidBlobHash': '文件以 SHA-256 摘要寻址：须为 64 位小写十六进制字符。',
  'syncError.invalidEncoding': '无法解码请求内容（{{encoding}}）。',
  'syncError.checkpointAhead':
    '平台上 {{collection}} 的数据少于本设备已接收的数据（平台已从备份恢复）。本设备将从头重新同步，本机数据不会丢失。',
  'syncError.missingCredentials': '此请求需要设备令牌，请先登记本设备。',
  'syncError.invalidToken': '设备令牌无效，请重新登记本设备。',
  'syncError.deviceRevoked': '本设备已被管理员停用，需重新登记后才能同步。',
  'syncError.enrollmentCodeUnknown': '登记码不存在，请核对或向管理员申请新的登记码。',
  'syncError.enrollmentCodeExpired': '登记码已过期，请向管理员申请新的登记码。',
  'syncError.enrollmentCodeUsed': '登记码已被使用，请向管理员申请新的登记码。',
  'syncError.operatorAuthFailed': '操作员账号或密码错误。',
  'syncError.cityScopeReadOnly': '{{collection}} 由市级平台维护，县级设备只能读取。',
  'syncError.countyForbidden': '无权操作区县 {{county}}。',
  'syncError.notFound': '{{method}} {{url}} 不存在。',
  'syncError.unknownCollection': '不存在名为 {{collection}} 的数据集。',
  'syncError.collectionNotServed': '平台暂不同步数据集 {{collection}}。',
  'syncError.blobNotFound': '本区县未存储文件 {{sha256}}。',
  'syncError.deviceNotFound': '设备 {{deviceId}} 不存在。',
  'syncError.countyNotFound': '平台上没有区县 {{county}}。',
  'syncError.reportSubjectOutsideCounty': '该报告的主体属于其他区县，本单位不能出具。',
  'syncError.reportSubjectNotSynced': '平台尚未收到该报告的主体，下次同步后再登记报告。',
  'syncError.reportCodeTaken': '核验码 {{code}} 已被另一份报告使用。',
  'syncError.serialBlocksExhausted': '区县 {{county}} 的承诺书编号段已全部分配，请联系市级平台管理员。',
  'syncError.serialBlockLimit': '本机已持有 {{max}} 个承诺书编号段，已达每台电脑的上限。',
  'syncError.bodyTooLarge': '请求内容超过 {{limit}} 字节。',
  'syncError.tooManyRows': '每次最多上传 {{max}} 条记录，本次为 {{count}} 条。',
  'syncError.blobTooLarge': '单个文件不得超过 {{limit}} 字节。',
  'syncError.unsupportedMediaType': '此处不接受内容类型 {{contentType}}。',
  'syncError.tooManyStreams':
    '本设备已打开 {{max}} 个同步连接。请关闭本机其他 CreditDesk 窗口，或稍候一分钟再试。',
  'syncError.signInThrottled': '失败尝试次数过多（来自本地址或针对此账号），请在 {{seconds}} 秒后重试。',
  'syncError.signInLocked': '此操作员账号因失败尝试次数过多已被锁定，请联系市级平台操作员解除锁定。',
  'syncError.verifyThrottled': '本网络的报告核验次数过多，请在 {{seconds}} 秒后重试。',
  'syncError.protocolMismatch':
    '本机 CreditDesk 使用同步协议 {{received}}，平台使用 {{expected}}。请升级 CreditDesk。',
  'syncError.clientSchemaOutdated':
    '平台要求 {{collection}} 的数据版本为 {{expected}}，本机为 {{received}}。请升级 CreditDesk。',
  'syncError.platformSchemaOutdated':
    '本机 {{collection}} 的数据版本为 {{received}}，平台仅支持 {{expected}}。请联系管理员升级平台。',
  'syncError.internal': '平台内部出错，请稍后重试。',
  'syncError.unavailable': '平台暂时无法访问，请稍后重试。',
  'validation.notObject': '记录不是对象。',
  'validation.missing': '缺少该字段。',
  'validation.type': '该字段须为 {{expected}} 类型。',
  'validation.unknownField': '该字段不属于此类记录。',
  'validation.uuid': '标识不是有效的 UUID。',
  'validation.isoInstant': '时间不是 ISO 8601 格式。',
  'validation.notNormalized': '取值未规范化（须去除首尾空格、转为半角，代码大写）。',
  'validation.duplicateCode': '本区县已有使用该代码的记录（记录 {{existingId}}）。',
  'validation.foreignCounty': '该记录属于其他区县；本设备只同步区县 {{county}} 的数据。',
  'validation.idTaken': '该标识已被其他区县的记录使用。',
  'validation.unsupportedCharacter': '文本中含有无法存储的字符（空字符或残缺的代理字符）。',
  'validation.permission.unknownUser': '平台上没有本区县的用户 {{userId}}。请先同步用户，或联系管理员。',
  'validation.permission.userDisabled': '用户 {{userId}} 已停用，不能再修改记录。',
  'validation.permission.historyRewritten': '记录的审核过程被改动；已完成的审核步骤不能修改或删除。',
  'validation.permission.statusMismatch':
    '状态与审核步骤不符（应为 {{expected}}）；状态只能通过审核步骤变更。',
  'validation.permission.notDraft': '记录当前为“{{status}}”状态，只有草稿可以修改，请先退回为草稿。',
  'validation.auditLog.appendOnly': '审计记录只能追加，不能修改或删除。',
};

export const syncMessages: { 'zh-CN': SyncMessages; en: SyncMessages } = { 'zh-CN': zhCN, en };

/** Fills {{param}} placeholders the way i18next does, for messages produced outside the app. */
export function formatSyncMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}
