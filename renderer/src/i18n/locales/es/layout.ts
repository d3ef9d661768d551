/** Spanish: the notes above the list, small windows, the list’s legend and export, sign-in extras. */
export const layoutEs = {
  bannerMore: 'Detalles',
  bannerLess: 'Menos',
  bannerHide: 'Ocultar esta nota',
  showCapability: '¿Qué puedo cambiar aquí?',
  columnStatus: 'Estado',
  legendNoPhoto: 'Sin foto',
  legendLocked: 'Solo lectura',
  legendLabel: 'Símbolos',
  searchHint: 'Busca en nombre, correo, cargo y departamento',
  export: 'Exportar CSV',
  exportHint: 'Guardar la {n} persona mostrada como archivo CSV | Guardar las {n} personas mostradas, filtradas y ordenadas como en pantalla, como archivo CSV',
  imageUnsupportedShort: '«{file}» no es una imagen que la aplicación pueda leer.'
}
