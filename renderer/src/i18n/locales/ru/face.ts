/** Russian texts of face framing and the photo quality check, the `face` section of index.ts. */
export const faceRu = {
  autoFrame: 'Автокадрирование',
  autoFrameHint: 'Поставить квадрат на лицо по принятым в компании правилам (A)',
  preset: 'Кадрирование',
  presets: {
    tight: 'Крупно',
    standard: 'Стандартно',
    loose: 'Свободно'
  },
  framing: 'Поиск лица…',
  warningsTitle: 'Об этом фото',
  turn: 'Повернуть на {degrees}°',
  warnings: {
    'no-face': 'Лицо не найдено. Квадрат стоит по центру; расположите его сами.',
    'several-faces': 'Найдено лиц: {n}; квадрат стоит на самом крупном.',
    'face-too-small': 'Лицо занимает лишь малую часть снимка; фото крупным планом будет смотреться лучше.',
    blurry: 'Лицо выглядит размытым.',
    'too-dark': 'Лицо очень тёмное.',
    'too-bright': 'Лицо очень светлое (пересвечено).',
    upscaled: 'Область лица — всего {n} пикс., меньше 360 пикс. портала: фото будет нерезким.',
    'not-upright': 'Снимок повёрнут: лицо будет ровным после поворота на {degrees}° по часовой стрелке.',
    tilted: 'Голова наклонена на {degrees}°.'
  },
  short: {
    'no-face': 'Нет лица',
    'several-faces': 'Несколько лиц',
    'face-too-small': 'Лицо мелкое',
    blurry: 'Размыто',
    'too-dark': 'Слишком темно',
    'too-bright': 'Слишком светло',
    upscaled: 'Низкое разрешение',
    'not-upright': 'Снимок повёрнут',
    tilted: 'Наклон головы'
  },
  column: 'Проверка',
  filterAll: 'Все фото',
  filterWarnings: 'Фото с предупреждениями',
  noWarnings: 'Предупреждений нет'
}
