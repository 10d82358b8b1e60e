import type { connectionsEn } from '../en/connections'

export const connectionsKo: Record<keyof typeof connectionsEn, string> = {
  'connections.title': '연결',
  'connections.intro':
    '연결은 제공업체 계정 하나와 그 키입니다. 저장한 키는 다시 표시되지 않으며 마지막 4자리만 보입니다.',
  'connections.add': '연결 추가',
  'connections.empty': '아직 연결이 없습니다. 연결을 추가하면 대화를 시작할 수 있습니다.',
  'connections.list': '저장된 연결',

  'connections.row.edit': '편집',
  'connections.row.test': '테스트',
  'connections.row.delete': '삭제',
  'connections.row.secretSet': '•••• {last4}',
  'connections.row.secretSetShort': '저장됨',
  'connections.row.secretDamaged': '손상됨: 저장된 값을 읽을 수 없습니다. 다시 입력하세요',

  'connections.form.addTitle': '연결 추가',
  'connections.form.editTitle': '{label} 편집',
  'connections.form.provider': '제공업체',
  'connections.form.pickProvider': '키를 발급받은 제공업체를 선택하세요.',
  'connections.form.label': '이름',
  'connections.form.labelHelp':
    '모델 선택 목록에 표시됩니다. 계정을 구분할 수 있는 이름을 정하세요(예: “{provider} 업무용”).',
  'connections.form.required': '필수',
  'connections.form.show': '보기',
  'connections.form.showField': '{field} 보기',
  'connections.form.savedSecret': '저장됨: •••• {last4}(비워 두면 그대로 유지)',
  'connections.form.savedSecretShort': '저장됨(비워 두면 그대로 유지)',
  'connections.form.damagedSecret': '저장된 값을 읽을 수 없습니다. 다시 입력하세요.',
  'connections.form.removeSecret': '저장된 {field} 삭제',
  'connections.form.save': '저장',
  'connections.form.saving': '저장 중…',
  'connections.form.cancel': '취소',
  'connections.form.failed': '저장하지 못했습니다: {message}',
  // Test before save (Daily driver III)
  'connections.form.test': '테스트',
  'connections.form.testing': '테스트 중…',
  'connections.form.testSecretRequired':
    '주소가 바뀌어 저장된 키를 새 주소로 보내지 않았습니다. 이 값으로 테스트하려면 키를 입력하세요.',
  'connections.form.saveAnywayTitle': '그래도 저장할까요?',
  'connections.form.saveAnywayBody': '입력한 값으로 테스트했지만 실패했습니다. {reason}',
  'connections.form.saveAnyway': '그래도 저장',
  'connections.form.vaultLocked':
    '저장하지 못했습니다. 저장된 키가 잠겨 있습니다. 위에서 키 보관함 암호 문구로 잠금을 푼 뒤 다시 저장하세요.',

  'connections.links.heading': '키 발급·문서 링크',
  'connections.links.keys': '키 발급',
  'connections.links.docs': '문서',
  'connections.links.note': '주소를 복사해 브라우저에서 여세요.',
  'connections.links.copyKeys': '키 발급 페이지 주소 복사',
  'connections.links.copyDocs': '문서 주소 복사',

  'connections.bedrock.heading': '최소 권한 IAM 정책',
  'connections.bedrock.help':
    '입력할 키의 IAM 사용자 또는 역할에 이 정책을 연결하세요. 모델 호출과 목록 조회만 허용하고 그 밖의 권한은 주지 않습니다.',
  'connections.bedrock.converseNote':
    'Parallax가 사용하는 Converse와 ConverseStream 호출은 bedrock:InvokeModel과 bedrock:InvokeModelWithResponseStream 권한으로 허용됩니다. IAM에는 이 둘을 위한 별도 작업이 없습니다.',
  'connections.bedrock.policy': 'IAM 정책 JSON',
  'connections.bedrock.copy': 'IAM 정책 복사',

  'connections.test.busy': '연결을 테스트하는 중…',
  'connections.test.okModels': '연결됨: 모델 {count}개 사용 가능({ms}ms)',
  'connections.test.okOneModel': '연결됨: 모델 1개 사용 가능({ms}ms)',
  'connections.test.ok': '연결됨({ms}ms)',
  'connections.test.auth': '키가 거부되었습니다. 키를 확인하고 다시 저장하세요.',
  'connections.test.permission':
    '키는 유효하지만 이 작업을 할 권한이 없습니다. 권한과 모델 액세스 설정을 확인하세요.',
  'connections.test.rateLimit':
    '제공업체가 이 키의 요청을 제한하고 있습니다. 잠시 후 다시 테스트하세요.',
  'connections.test.quota':
    '이 계정의 크레딧이나 할당량이 소진되었습니다. 제공업체의 결제 정보를 확인하세요.',
  'connections.test.network': '엔드포인트에 연결할 수 없습니다. URL과 네트워크 상태를 확인하세요.',
  'connections.test.timeout':
    '제공업체가 제시간에 응답하지 않았습니다. 다시 테스트하거나 엔드포인트를 확인하세요.',
  'connections.test.notFound':
    '엔드포인트를 찾을 수 없습니다. URL, 리전 또는 배포 이름을 확인하세요.',
  'connections.test.invalidRequest':
    '제공업체가 요청을 거부했습니다. 리전이나 API 버전 같은 입력값을 확인하세요.',
  'connections.test.server': '제공업체 쪽에 문제가 생겼습니다. 잠시 후 다시 시도하세요.',
  'connections.test.unknown': '테스트에 실패했습니다.',
  'connections.test.vaultLocked':
    '저장된 키가 잠겨 있습니다. 키 보관함 암호 문구로 잠금을 푼 뒤 다시 테스트하세요.',
  'connections.test.couldNotRun': '테스트를 실행하지 못했습니다: {message}',

  'connections.delete.title': '“{label}” 연결을 삭제할까요?',
  'connections.delete.body':
    '저장된 키가 이 컴퓨터에서 삭제됩니다. 이 연결로 나눈 대화는 기록에 그대로 남습니다.',
  'connections.delete.confirm': '삭제',
  'connections.delete.cancel': '취소',
  'connections.delete.failed': '삭제하지 못했습니다: {message}',

  'connections.vault.region': '키 보관함',
  'connections.vault.secure': '키는 이 컴퓨터에 암호화되어 저장됩니다.',
  'connections.vault.locked': '키 보관함이 잠겨 있어 지금은 키를 읽거나 저장할 수 없습니다.',
  'connections.vault.consentTitle': '이 시스템에서는 키가 난독화만 됩니다',
  'connections.vault.consentBody':
    'OS 키체인(GNOME Keyring, KWallet 등)을 사용할 수 없어 키가 암호화되지 않고 고정된 값으로 뒤섞이기만 합니다. 파일을 읽을 수 있는 사람이라면 누구나 키를 복원할 수 있습니다. 제대로 암호화하려면 OS 키체인을 설정하고, 그래도 괜찮다면 그대로 저장하세요.',
  'connections.vault.consentButton': '위험을 이해하고 저장',
  'connections.vault.consentFailed': '선택을 기록하지 못했습니다: {message}',
  'connections.vault.insecureAccepted':
    '동의한 대로 이 시스템에서는 키가 난독화만 됩니다. OS 키체인을 사용하면 암호화됩니다.',
  'connections.vault.lockedPassphrase':
    '저장된 키가 잠겨 있습니다. 키를 쓰거나 새로 저장하려면 키 보관함 암호 문구를 입력하세요.',
  'connections.vault.newPassphrase':
    '이곳의 키는 직접 정한 암호 문구로 보호됩니다. 키를 저장하기 전에 암호 문구를 정하세요.',
  'connections.vault.passphraseUnlocked':
    '키는 암호 문구로 암호화되어 있으며, 잠그거나 앱이 종료될 때까지 잠금이 풀려 있습니다.',
  'connections.vault.lock': '잠그기',
  'connections.vault.lockFailed': '잠그지 못했습니다: {message}',
  'connections.vault.unlock.label': '키 보관함 암호 문구',
  'connections.vault.unlock.newLabel': '새 암호 문구',
  'connections.vault.unlock.repeatLabel': '암호 문구 다시 입력',
  'connections.vault.unlock.newHint':
    '새 키 보관함입니다. 지금 정하는 암호 문구로 저장하는 모든 키가 암호화됩니다. {min}자 이상으로 정하세요. 잊어버리면 되찾을 수 없으니 안전한 곳에 적어 두세요.',
  'connections.vault.unlock.submit': '잠금 해제',
  'connections.vault.unlock.create': '암호 문구 설정',
  'connections.vault.unlock.busy': '잠금 해제 중…',
  'connections.vault.unlock.creating': '암호 문구를 설정하는 중…',
  'connections.vault.unlock.empty': '암호 문구를 입력하세요.',
  'connections.vault.unlock.tooShort': '{min}자 이상으로 정하세요.',
  'connections.vault.unlock.mismatch': '두 암호 문구가 서로 다릅니다.',
  'connections.vault.unlock.wrong': '암호 문구가 틀렸습니다. 아무것도 바뀌지 않았습니다.',
  'connections.vault.unlock.failed': '잠금을 해제하지 못했습니다: {message}',
  // Keys bound to their address; risky destinations (Hardening I).
  'connections.bind.addressChanged':
    '주소가 바뀌어 저장된 키를 새 주소로 보내지 않습니다. 키를 다시 입력하세요.',
  'connections.bind.secretRequired':
    '주소가 바뀌어 저장된 값을 새 주소로 보내지 않습니다. 다시 입력하거나 삭제하세요.',
  'connections.bind.testSecretRequired':
    '저장된 키는 다른 주소용으로 입력된 키라서 보내지 않았습니다. 연결을 편집해 키를 다시 입력하세요.',
  'connections.dest.plainHttp':
    '암호화되지 않은 http:// 주소입니다. 키와 프롬프트가 암호화 없이 네트워크를 지나갑니다. 신뢰하는 네트워크의 서버가 아니라면 https://를 사용하세요.',
  'connections.dest.metadataAddress':
    '링크 로컬 주소 또는 클라우드 메타데이터 주소입니다. 이 주소로 보낸 요청은 모델 제공업체가 아니라 이 컴퓨터의 클라우드 자격 증명에 닿을 수 있습니다.',
  'connections.dest.acknowledge': '내용을 이해했으며 이 주소를 그대로 사용합니다',
  'connections.dest.metadataRefused':
    '클라우드 메타데이터 주소입니다. 그래도 사용하려면 주소 아래의 확인란을 선택하세요.',
  // Limit of requests in flight (queue)
  'connections.form.maxInFlight': '동시 요청 수',
  'connections.form.maxInFlightHelp':
    '이 연결로 한 번에 보내는 요청 수입니다(1~{max}). 그보다 많은 실행은 대기열에서 기다립니다.',
  'connections.form.maxInFlightInvalid': '1~64 사이의 정수를 입력하세요.',
}
