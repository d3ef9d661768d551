/** Russian: the notes above the list, small windows, the list’s legend and export, sign-in extras (counts: one | few | many). */
export const layoutRu = {
  bannerMore: 'Подробнее',
  bannerLess: 'Свернуть',
  bannerHide: 'Скрыть эту заметку',
  showCapability: 'Что я могу здесь изменить?',
  columnStatus: 'Статус',
  legendNoPhoto: 'Нет фото',
  legendLocked: 'Только просмотр',
  legendLabel: 'Обозначения',
  searchHint: 'Поиск по имени, почте, должности и отделу',
  export: 'Экспорт в CSV',
  exportHint: 'Сохранить {n} показанного сотрудника в файл CSV | Сохранить {n} показанных сотрудников (с фильтром и сортировкой, как на экране) в файл CSV | Сохранить {n} показанных сотрудников (с фильтром и сортировкой, как на экране) в файл CSV',
  imageUnsupportedShort: '«{file}» — не изображение, которое приложение может прочитать.'
}
