import type { errorsEn } from '../en/errors'

/** 호스트 호출이 실패한 이유(src/shared/error-codes.ts의 코드별 문장). */
export const errorsKo: Record<keyof typeof errorsEn, string> = {
  'errors.host_unreachable':
    'Parallax가 실행 중이 아니거나 연결할 수 없습니다. Parallax를 다시 시작한 뒤 이 페이지를 새로 고치세요.',
  'errors.host_not_signed_in':
    '이 페이지는 Parallax에 로그인되어 있지 않습니다. Parallax가 시작할 때 출력한 전체 링크(액세스 토큰 포함)로 다시 여세요.',
  'errors.host_bad_answer':
    'Parallax의 응답을 이 페이지가 읽을 수 없습니다(HTTP {status}). 페이지를 새로 고치고, 계속되면 Parallax를 다시 시작하세요.',

  'errors.conversation_not_found': '이 대화가 기록에 없습니다. 삭제되었을 수 있습니다.',
  'errors.message_not_found': '이 메시지가 기록에 없습니다. 삭제되었을 수 있습니다.',
  'errors.run_not_found': '이 답변이 기록에 없습니다. 삭제되었을 수 있습니다.',
  'errors.bad_cursor': '불러오는 동안 목록이 바뀌었습니다. 페이지를 새로 고치세요.',
  'errors.parent_elsewhere': '이 메시지는 다른 대화에 속해 있습니다.',
  'errors.run_ended': '이 답변은 이미 끝났습니다.',
  'errors.import_not_json': 'JSON 파일이 아닙니다. Parallax 기록 내보내기 파일을 선택하세요.',
  'errors.import_invalid':
    'Parallax 기록 내보내기 파일이 아니거나 내보낸 뒤 변경된 파일입니다(첫 문제 위치: {field}).',
  'errors.import_newer_format':
    '더 새로운 Parallax에서 내보낸 파일입니다(형식 {version}, 이 버전은 {supported}까지 읽을 수 있음). Parallax를 업데이트한 뒤 가져오세요.',
  'errors.import_conflict':
    '파일의 대화가 서로 또는 저장된 기록과 충돌합니다(위치: {field}). 아무것도 가져오지 않았습니다.',
  'errors.unknown_backup': '이 백업이 더 이상 없습니다. 목록에서 백업을 선택하세요.',
  'errors.usage_bad_range': '사용량 기간이 올바르지 않습니다. 다른 기간을 선택하세요.',
  'errors.vault_locked': '키 보관함이 잠겨 있습니다. 암호 문구를 입력해 잠금을 해제하세요.',
  'errors.vault_consent_required':
    '이 컴퓨터에서는 키를 안전하게 저장할 수 없습니다. 키를 저장하려면 먼저 위험에 동의하세요.',
  'errors.vault_unavailable': '지금 이 컴퓨터에서는 키를 암호화할 수 없습니다.',
  'errors.key_reenter': '저장된 키를 더 이상 읽을 수 없습니다. 키를 다시 입력하세요.',
  'errors.wrong_passphrase': '암호 문구가 틀렸습니다. 키 보관함은 바뀌지 않았습니다.',
  'errors.wrong_current_passphrase': '현재 암호 문구가 틀렸습니다. 키 보관함은 바뀌지 않았습니다.',
  'errors.passphrase_too_short': '암호 문구는 {min}자 이상이어야 합니다.',
  'errors.vault_uses_key_file':
    '이 키 보관함은 암호 문구가 아닌 키 파일로 보호됩니다. 잠그거나 잠금 해제할 필요가 없습니다.',
  'errors.vault_uses_keychain':
    '이 키 보관함은 암호 문구가 아닌 OS 키체인으로 보호됩니다. 잠그거나 잠금 해제할 필요가 없습니다.',
  'errors.connection_not_found': '이 연결이 더 이상 없습니다. 다른 창에서 삭제되었을 수 있습니다.',
  'errors.unknown_field': '이 제공업체에는 “{field}” 항목이 없습니다.',
  'errors.field_required': '이 항목을 입력하세요.',
  'errors.not_service_account':
    '서비스 계정 키가 아닙니다. client_email과 private_key가 있는 JSON 키 파일 전체를 붙여 넣으세요.',
  'errors.not_http_address': 'http:// 또는 https://로 시작하는 주소를 입력하세요.',
  'errors.unknown_provider': '이 버전의 Parallax는 “{provider}” 제공업체를 알지 못합니다.',
  'errors.provider_mismatch': '저장된 연결은 다른 제공업체의 연결입니다.',
  'errors.connection_or_provider': '저장된 연결을 선택하거나 제공업체와 항목을 입력하세요.',
  'errors.no_user_message': '보낼 프롬프트가 없습니다.',
  'errors.target_count': '비교에는 모델 {min}~{max}개가 필요합니다. 선택한 모델: {count}개',
  'errors.target_incomplete': '{index}번째 열에 모델을 선택하지 않았습니다.',
  'errors.prompt_or_messages': '프롬프트와 대화 중 하나만 보내세요.',
  'errors.compare_needs_prompt': '비교할 프롬프트를 입력하세요.',
  'errors.rerun_user_only': '프롬프트만 다시 실행할 수 있습니다.',

  'errors.kind.invalid_input': '입력한 값으로는 이 작업을 할 수 없습니다.',
  'errors.kind.unknown_method':
    '이 페이지가 실행 중인 Parallax보다 새 버전입니다. Parallax를 다시 시작한 뒤 페이지를 새로 고치세요.',
  'errors.kind.unauthorized':
    '이 페이지는 Parallax에 로그인되어 있지 않습니다. Parallax가 시작할 때 출력한 전체 링크(액세스 토큰 포함)로 다시 여세요.',
  'errors.kind.forbidden': 'Parallax가 이 요청을 거부했습니다.',
  'errors.kind.not_found': '요청한 항목이 더 이상 없습니다. 삭제되었을 수 있습니다.',
  'errors.kind.conflict': '현재 상태에서는 할 수 없는 작업입니다. 새로 고친 뒤 다시 시도하세요.',
  'errors.kind.payload_too_large':
    '보내기에는 너무 큽니다. 더 작은 파일을 쓰거나 이미지 수를 줄이세요.',
  'errors.kind.vault_locked': '키 보관함이 잠겨 있습니다. 암호 문구를 입력해 잠금을 해제하세요.',
  'errors.kind.consent_required':
    '이 컴퓨터에서는 키를 안전하게 저장할 수 없습니다. 키를 저장하려면 먼저 위험에 동의하세요.',
  'errors.kind.internal': 'Parallax에서 문제가 발생했습니다.',
}
