/**
 * Russian. Same keys as messages-en.ts; checked key for key by locales.test.ts. Counted messages
 * have three forms, one | few | many (1, 21 | 2–4, 22 | 0, 5–20), after English's "none" form where it has one.
 */
import { bulkRu } from './bulk'
import { faceRu } from './face'
import { ruFailures } from './failures'
import { handoffRu } from './handoff'
import { layoutRu } from './layout'

export const ru = {
  app: {
    title: 'DocSpace Photo Manager',
    starting: 'Запуск…',
    noHostTitle: 'Откройте эту страницу из приложения',
    noHostBody:
      'Эту страницу нужно открывать по ссылке самого приложения. Запустите приложение (например, демо-командой) и откройте адрес, который оно выводит или открывает: в этой ссылке есть ключ, с которым страница может связаться с приложением.',
    skipToList: 'Перейти к списку сотрудников'
  },
  signIn: {
    title: 'Вход в портал DocSpace',
    subtitle: 'Пароль отправляется только на портал. Приложение хранит токен входа, но не пароль.',
    portalLabel: 'Адрес портала',
    portalPlaceholder: 'https://docspace.example.com',
    portalHint: 'Только адреса https://, кроме портала на этом компьютере.',
    methodLabel: 'Способ входа',
    methodPassword: 'Эл. почта и пароль',
    methodApiKey: 'Ключ API',
    emailLabel: 'Эл. почта',
    passwordLabel: 'Пароль',
    apiKeyLabel: 'Ключ API',
    apiKeyHint: 'Создайте ключ на портале в разделе «Инструменты разработчика › Ключи API». Ему нужен доступ на чтение и запись к сотрудникам.',
    submit: 'Войти',
    submitting: 'Вход…',
    cancel: 'Отмена',
    missingPortal: 'Введите адрес портала.',
    missingEmail: 'Введите адрес эл. почты.',
    missingPassword: 'Введите пароль.',
    missingApiKey: 'Вставьте ключ API.',
    keychainOff: 'Системное хранилище паролей на этом компьютере недоступно, поэтому вход действует до закрытия приложения.',
    sessionEnded: 'Сеанс на {portal} завершён. Войдите снова.',
    twoFactorTitle: 'Двухэтапная проверка',
    twoFactorApp: 'Введите 6-значный код из приложения-аутентификатора для {portal}.',
    twoFactorSms: 'Введите код из SMS, отправленного на номер {phone}.',
    twoFactorSmsNoPhone: 'Введите код из SMS, отправленного на ваш телефон.',
    codeLabel: 'Код подтверждения',
    missingCode: 'Введите код.',
    verify: 'Подтвердить',
    verifying: 'Проверка…',
    back: 'Назад',
    rememberedTitle: 'Сохранённые порталы',
    rememberedHint: 'Выберите портал, чтобы продолжить, или войдите в другой портал выше.',
    use: 'Открыть',
    signInAgain: 'Войти',
    forget: 'Забыть',
    forgetLabel: 'Забыть {user} на {portal}'
  },
  account: {
    menuTitle: 'Порталы и учётные записи',
    stateSignedIn: 'Вход выполнен',
    stateSignedOut: 'Выход выполнен',
    stateExpired: 'Сеанс завершён',
    sessionOnly: 'До закрытия приложения',
    active: 'Текущий',
    addAccount: 'Войти в другой портал…',
    signOut: 'Выйти',
    forget: 'Забыть этот портал',
    version: 'DocSpace {version}'
  },
  roles: {
    owner: 'Владелец',
    admin: 'Администратор DocSpace',
    'room-admin': 'Администратор комнаты',
    user: 'Пользователь',
    guest: 'Гость'
  },
  statuses: {
    active: 'Активен',
    disabled: 'Отключён',
    pending: 'Приглашение не принято'
  },
  capability: {
    label: 'Что вы можете менять',
    selfOnlyTitle: 'Вы можете менять только своё фото',
    selfOnlyBody:
      'На {portal} работает DocSpace {version}. Начиная с DocSpace 3.6 каждый может менять только своё фото, в том числе администраторы и владелец. Фото других сотрудников показаны только для просмотра.',
    ownerTitle: 'Вы можете менять фото всех сотрудников',
    ownerBody:
      'На {portal} работает DocSpace {version}: владелец портала может менять фото любого сотрудника, кроме отключённого (уволенного); такие строки заблокированы.',
    adminTitle: 'Вы можете менять фото других сотрудников',
    adminBody:
      'На {portal} работает DocSpace {version}: администраторы могут менять фото других сотрудников. Портал не даёт менять фото владельца, других администраторов и отключённых (уволенных) сотрудников; такие строки заблокированы.',
    ownOnlyTitle: 'Вы можете менять только своё фото',
    ownOnlyBody:
      'На {portal} работает DocSpace {version}. В этой версии фото других сотрудников могут менять только владелец и администраторы DocSpace, а ваша роль — {role}.',
    selfListBody:
      'На {portal} работает DocSpace {version}. С ролью {role} на этом портале вы не можете видеть список других сотрудников; здесь можно управлять своим фото.',
    lockedRows: 'Строки с замком доступны только для просмотра.',
    lockSelfOnly: 'Только просмотр: начиная с DocSpace 3.6 это фото может менять только {name}.',
    lockAdmin: 'Только просмотр: портал не даёт вам менять фото владельца или другого администратора.',
    lockOwner: 'Только просмотр: фото владельца может менять только владелец.',
    lockOtherAdmin: 'Только просмотр: фото другого администратора может менять только владелец.',
    lockTerminated: '{name}: сотрудник отключён (уволен), а портал не меняет фото отключённых сотрудников.',
    lockOwnOnly: 'Только просмотр: ваша роль позволяет менять только своё фото.'
  },
  people: {
    listLabel: 'Сотрудники',
    searchLabel: 'Поиск сотрудников',
    searchPlaceholder: 'Имя, почта, должность, отдел',
    searchShortcut: 'Нажмите /, чтобы искать',
    clearSearch: 'Очистить поиск',
    groupLabel: 'Группа',
    allGroups: 'Все группы',
    statusLabel: 'Статус',
    anyStatus: 'Любой статус',
    roleLabel: 'Роль',
    anyRole: 'Любая роль',
    photoLabel: 'Фото',
    photoAll: 'С фото и без',
    withPhoto: 'С фото',
    withoutPhoto: 'Без фото',
    clearFilters: 'Сбросить фильтры',
    sortLabel: 'Сортировка',
    sortName: 'Имя',
    sortLastName: 'Фамилия',
    sortEmail: 'Эл. почта',
    sortDepartment: 'Отдел',
    sortTitle: 'Должность',
    sortAsc: 'По возрастанию',
    sortDesc: 'По убыванию',
    sortDirectionLabel: 'Порядок сортировки',
    countAll: 'Нет сотрудников | {n} сотрудник | {n} сотрудника | {n} сотрудников',
    countSome: '{shown} из {total} сотрудников',
    withoutPhotoCount: '{count} без фото',
    loadingFirst: 'Загрузка сотрудников…',
    loadingProgress: 'Загрузка сотрудников… {loaded} из {total}',
    refreshing: 'Список обновляется…',
    loadedIn: 'Загружен {total} сотрудник за {seconds} с | Загружено {total} сотрудника за {seconds} с | Загружено {total} сотрудников за {seconds} с',
    loadStopped: 'Загрузка остановилась: загружено {loaded} из {total}.',
    listRefused:
      '{portal} не показывает список сотрудников этой учётной записи (доступ запрещён). Если вы вошли с ключом API, ключу нужна область accounts:read; иначе попросите администратора DocSpace проверить тип вашей учётной записи.',
    retry: 'Повторить',
    noMatches: 'Никто не подходит под этот поиск и фильтры.',
    emptyPortal: 'На этом портале нет сотрудников, которых вы можете видеть.',
    you: 'вы',
    noPhoto: 'Нет фото',
    columnName: 'Имя',
    columnTitle: 'Должность',
    columnDepartment: 'Отдел',
    photoOf: 'Фото: {name}',
    allWithPhoto: 'с фото | все с фото | все с фото',
    noneWithPhoto: 'без фото | все без фото | все без фото'
  },
  detail: {
    label: 'Сведения: {name}',
    close: 'Закрыть сведения',
    email: 'Эл. почта',
    title: 'Должность',
    department: 'Отдел',
    groups: 'Группы',
    status: 'Статус',
    role: 'Роль',
    none: '—',
    canEdit: 'Вы можете изменить это фото.',
    sizesTitle: 'Сохранённые размеры фото',
    sizesLoading: 'Загрузка размеров фото…',
    dimensions: '{width} × {height} пикс.',
    expected: 'ожидалось {width} × {height}',
    fitsWithin: 'в пределах 1280 × 1280',
    defaultImage: 'Изображение портала по умолчанию',
    defaultNote: 'У сотрудника {name} ещё нет фото: во всех размерах показано изображение портала по умолчанию.',
    sizeFailed: 'Не удалось загрузить',
    sizes: {
      original: 'Оригинал',
      retina: 'Retina',
      max: 'Макс.',
      big: 'Большой',
      medium: 'Средний',
      small: 'Маленький'
    }
  },
  drop: {
    replace: 'Отпустите, чтобы заменить фото: {name}',
    refused: 'Фото не изменено ({name}): {reason}.',
    manyFiles: 'Перетащено файлов: {n}; используется первый',
    hint: 'Перетащите изображение сюда, вставьте его через Ctrl+V или выберите файл (Ctrl+O).',
    pastedImage: 'Вставленное изображение',
    pickerLabel: 'Выбрать фото для: {name}'
  },
  editor: {
    title: 'Новое фото: {name}',
    source: '{format} · {width} × {height} пикс. · {size}',
    sourceLabel: 'Источник',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    rotate: 'Повернуть на 90° по часовой',
    reset: 'Сбросить',
    keysHint: 'Стрелки двигают квадрат · + и − масштаб · R поворот · Enter сохранить · Esc отмена',
    previewsTitle: 'Как это покажет портал',
    previewSize: '{size} пикс.',
    smallCrop: 'В квадрат попадает только {n} пикс. фото, а самый большой размер на портале — 360 пикс., поэтому фото будет нечётким. Уменьшите масштаб или выберите область побольше.',
    noPreview: 'Этот формат нельзя показать здесь. Фото будет обрезано по центру до квадрата; поверните его, если нужно.',
    loadingImage: 'Загрузка изображения…',
    cropperLabel: 'Область обрезки: перетащите квадрат, чтобы сдвинуть, углы — чтобы изменить размер, колесо мыши — масштаб',
    save: 'Сохранить фото',
    cancel: 'Отмена',
    cancelUpload: 'Отмена',
    cancelling: 'Отмена…',
    tooLateToCancel: 'Отменить уже нельзя: портал перешёл на новое фото.',
    applyCropAgain: 'Применить обрезку ещё раз',
    refresh: 'Обновить список',
    rotated: 'Повёрнуто на {degrees}°',
    tryAgain: 'Повторить',
    refreshPerson: 'Обновить'
  },
  phases: {
    preparing: 'Подготовка фото…',
    'backing-up': 'Сохранение текущего фото…',
    uploading: 'Загрузка на портал…',
    applying: 'Переход на новое фото…',
    cropping: 'Применение обрезки…',
    verifying: 'Проверка всех размеров…',
    done: 'Готово',
    working: 'Выполняется…'
  },
  jobs: {
    replace: 'Замена фото: {name}',
    delete: 'Удаление фото: {name}',
    'set-from-url': 'Фото по адресу: {name}',
    restore: 'Восстановление прежнего фото: {name}',
    undo: 'Отмена последнего изменения',
    accept: 'Применение переданного вам фото'
  },
  done: {
    replace: 'Фото заменено: {name}',
    delete: 'Фото удалено: {name}',
    'set-from-url': 'Фото установлено по адресу: {name}',
    restore: 'Прежнее фото восстановлено: {name}',
    undo: 'Отменено: фото ({name}) снова такое, как было',
    unverified: 'Пока не удалось проверить все размеры; обновите чуть позже.',
    restoreFrom: 'Фото от {date} возвращено: {name}'
  },
  photoActions: {
    label: 'Действия с фото',
    replace: 'Заменить…',
    replaceTitle: 'Выбрать новое фото (Ctrl+O)',
    setFromUrl: 'По адресу…',
    download: 'Скачать оригинал',
    downloadNone: 'У сотрудника {name} нет фото для скачивания.',
    delete: 'Удалить…',
    history: 'История',
    hideHistory: 'Скрыть историю'
  },
  deleteDialog: {
    title: 'Удалить фото ({name})?',
    body: 'Вместо него портал будет показывать изображение по умолчанию. Текущее фото останется в истории приложения, и его можно будет восстановить.',
    confirm: 'Удалить фото',
    cancel: 'Отмена'
  },
  urlDialog: {
    title: 'Фото по адресу: {name}',
    label: 'Адрес изображения',
    placeholder: 'https://…',
    hint: 'Портал сам скачивает изображение. DocSpace 3.7.1 и новее принимают только публичные адреса https://.',
    submit: 'Установить фото',
    cancel: 'Отмена',
    empty: 'Введите адрес изображения.'
  },
  history: {
    title: 'Прежние фото: {name}',
    loading: 'Загрузка истории…',
    empty: 'Прежних фото пока нет. Перед каждым изменением приложение сохраняет текущее фото.',
    savedBefore: {
      replace: 'Сохранено перед заменой',
      delete: 'Сохранено перед удалением',
      'set-from-url': 'Сохранено перед установкой по адресу',
      restore: 'Сохранено перед восстановлением',
      undo: 'Сохранено перед отменой'
    },
    noPhoto: 'Нет фото',
    noPhotoNote: 'Фото не было: при восстановлении текущее фото будет удалено.',
    dimensions: '{width} × {height} пикс.',
    restore: 'Восстановить',
    previewAlt: 'Прежнее фото ({name}), {date}'
  },
  activity: {
    open: 'Журнал',
    title: 'Журнал',
    subtitle: 'Изменения фото, сделанные в этом приложении на этом компьютере, сначала новые.',
    export: 'Экспорт в CSV',
    empty: 'Изменений фото пока нет.',
    loading: 'Загрузка журнала…',
    close: 'Закрыть',
    columns: {
      at: 'Когда',
      portal: 'Портал',
      actor: 'Кто',
      person: 'Сотрудник',
      action: 'Изменение',
      result: 'Результат',
      detail: 'Подробности'
    },
    results: {
      ok: 'Готово',
      failed: 'Ошибка'
    },
    actions: {
      replace: 'Замена',
      delete: 'Удаление',
      'set-from-url': 'По адресу',
      restore: 'Восстановление',
      undo: 'Отмена',
      'bulk-import': 'Импорт фото',
      'bulk-undo': 'Отмена импорта'
    },
    detail: {
      bulk: 'изменено: {ok}, с ошибкой: {failed}, пропущено: {skipped}',
      failed: 'Изменение не выполнено.',
      restored: 'Восстановлено фото от {date}',
      restoredNone: 'Возвращено состояние «нет фото», как на {date}',
      deleted: 'Фото удалено; приложение сохранило копию в истории',
      fromHost: 'Изображение с {host}',
      cropped: 'Обрезано до квадрата {side} пикс.',
      croppedFace: 'Обрезано по лицу, {side} пикс.',
      unverified: 'Не все размеры удалось проверить'
    },
    filters: {
      label: 'Фильтр журнала',
      person: 'Сотрудник',
      personPlaceholder: 'Любое имя',
      action: 'Изменение',
      anyAction: 'Любое изменение',
      actor: 'Кто',
      anyActor: 'Кто угодно',
      from: 'С',
      to: 'По',
      clear: 'Сбросить фильтры',
      noMatch: 'Нет изменений, подходящих под эти фильтры.',
      shown: 'Показано изменений: {shown} из {total}'
    }
  },
  toast: {
    undo: 'Отменить',
    redo: 'Повторить',
    dismiss: 'Закрыть',
    busy: 'Дождитесь окончания текущего изменения фото.',
    pendingSignIn: 'Войдите в {portal} снова: изменение фото ({name}) затем продолжится само.',
    pendingSignInUndo: 'Войдите в {portal} снова: отмена затем продолжится сама.',
    notifications: 'Уведомления',
    refreshed: 'Фото ({name}) показано таким, какое оно сейчас на портале.'
  },
  settings: {
    open: 'Настройки',
    title: 'Настройки',
    language: 'Язык',
    languageSystem: 'Как в системе ({language})',
    theme: 'Тема',
    themeSystem: 'Как в системе',
    themeLight: 'Светлая',
    themeDark: 'Тёмная',
    saved: 'Изменения применяются сразу и сохраняются до следующего запуска.',
    saveFailed: 'Не удалось сохранить настройку: {reason}',
    close: 'Закрыть'
  },
  ...ruFailures,
  bulk: bulkRu,
  handoff: handoffRu,
  restoreDialog: {
    title: 'Восстановить фото от {date}? ({name})',
    now: 'Сейчас',
    after: 'После восстановления',
    nowAlt: 'Текущее фото: {name}',
    afterAlt: 'Фото от {date}: {name}',
    noPhoto: 'Нет фото',
    loading: 'Загрузка текущего фото…',
    body: 'Сначала текущее фото сохраняется в истории, поэтому «Отменить» вернёт его.',
    bodyRemove: 'На {date} у сотрудника {name} не было фото: восстановление удалит текущее. Сначала оно сохраняется в истории, поэтому «Отменить» вернёт его.',
    confirm: 'Восстановить фото',
    cancel: 'Отмена'
  },
  face: faceRu,
  layout: layoutRu
}
