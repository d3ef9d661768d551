/** Spanish texts of the bulk import, the `bulk` section of index.ts. */
export const bulkEs = {
  open: 'Importar fotos…',
  openHint: 'Elija una carpeta de fotos; los archivos se asignan a las personas por su nombre',
  openFiles: 'Elegir archivos o un ZIP',
  folderPicker: 'Carpeta de fotos para importar',
  filesPicker: 'Fotos, un ZIP o un CSV para importar',
  show: 'Mostrar importación',
  showRunning: 'Importación: {done} de {total}',
  title: 'Importar fotos',
  hide: 'Ocultar',
  dropFiles: 'Suelte para importar {n} archivo | Suelte para importar {n} archivos',
  dropFolder: 'Suelte para importar estas fotos',
  busy: 'Todavía hay una importación abierta. Aplíquela, termínela o descártela primero.',
  intake: {
    reading: 'Leyendo archivos… {n} encontrados',
    sending: 'Enviando {sent} de {found} archivos a la aplicación…',
    planning: 'Asignando archivos a personas…',
    stop: 'Detener',
    leftOut: 'Se dejó fuera {n} archivo: | Se dejaron fuera {n} archivos:',
    truncated: 'Solo se tomaron los primeros {max} archivos. Importe el resto en una segunda importación.',
    nothing: 'No había nada que importar en lo que soltó.',
    reasons: {
      tooLarge: 'más de {mb} MB',
      empty: 'vacío',
      unreadable: 'no se pudo leer',
      badZip: 'un ZIP que la aplicación no puede descomprimir',
      ignored: 'un archivo del sistema, o ya está en esta importación'
    }
  },
  states: {
    new: 'Foto nueva',
    replace: 'Reemplaza la foto',
    unchanged: 'Misma foto',
    unmatched: 'Sin coincidencia',
    ambiguous: 'Varias posibles',
    duplicate: 'Duplicado',
    refused: 'No permitido',
    invalid: 'No utilizable'
  },
  stateHints: {
    new: '{name} aún no tiene foto: esta será la primera.',
    replace: 'Se reemplazará la foto actual de {name}.',
    unchanged: '{name} ya tiene esta imagen: no hay nada que enviar.',
    unmatched: 'Nadie coincide con este nombre de archivo. Busque a la persona o arrastre la fila sobre ella en la lista.',
    ambiguous: 'Más de una persona coincide con este nombre de archivo: elija quién es.',
    duplicate: 'Otro archivo también está asignado a {name}: conserve solo uno.',
    refused: 'El portal no le permite cambiar la foto de {name}.',
    invalid: 'Este archivo no se puede usar.'
  },
  rules: {
    mapping: 'asignado por el CSV',
    email: 'asignado por el correo',
    emailLocal: "asignado por la parte del correo antes de {'@'}",
    userName: 'asignado por el nombre de usuario',
    userId: 'asignado por el ID de usuario',
    firstLast: 'asignado por «Nombre Apellido»',
    firstDotLast: 'asignado por «nombre.apellido»',
    firstUnderscoreLast: 'asignado por «nombre_apellido»',
    lastFirst: 'asignado por «Apellido Nombre»',
    lastCommaFirst: 'asignado por «Apellido, Nombre»',
    manual: 'asignado por usted'
  },
  results: {
    pending: 'En espera',
    running: 'Enviando…',
    ok: 'Hecho',
    failed: 'Error',
    skipped: 'Omitido',
    undone: 'Revertido'
  },
  filters: {
    label: 'Mostrar filas',
    all: 'Todas',
    done: 'Hechas',
    failed: 'Con error'
  },
  refusedBanner: '{n} archivo es de alguien cuya foto no puede cambiar. | {n} archivos son de personas cuyas fotos no puede cambiar.',
  list: {
    label: 'Archivos para importar',
    noPerson: 'Nadie todavía',
    currentPhoto: 'Foto actual',
    newPhoto: 'Foto nueva',
    approve: 'Aplicar {file}',
    empty: 'No hay filas en esta vista.',
    keys: '↑ ↓ mover · Espacio aplica u omite · Intro abre la fila · Mayús+↑ ↓ selecciona',
    moreCandidates: '{n} personas posibles',
    sameAs: 'también: {file}'
  },
  toolbar: {
    selectAll: 'Seleccionar todo',
    selectNone: 'No seleccionar nada',
    approveAll: 'Aplicar todo',
    approveNone: 'Omitir todo',
    approveSelected: 'Aplicar selección',
    skipSelected: 'Omitir selección',
    selected: '{n} seleccionados',
    exportPlan: 'Exportar plan (CSV)',
    discard: 'Descartar plan',
    atOnce: 'A la vez',
    atOnceHint: 'Cuántas personas se cambian al mismo tiempo. Más es más rápido; el portal acepta como máximo 15 cambios a la vez.'
  },
  apply: 'Aplicar {n} cambio | Aplicar {n} cambios',
  applyNothing: 'Nada que aplicar',
  progress: {
    applying: 'Aplicando {done} de {total}',
    undoing: 'Deshaciendo {done} de {total}',
    paused: 'En pausa en {done} de {total}',
    failed: '{n} con error',
    rate: '{n} por minuto',
    left: 'quedan unos {time}',
    pause: 'Pausar',
    resume: 'Reanudar',
    cancel: 'Cancelar',
    announce: '{done} de {total} hechos, {failed} con error.'
  },
  summary: {
    finished: '{ok} cambiadas, {failed} con error, {skipped} omitidas.',
    cancelled: 'Cancelado: {ok} cambiadas antes de detenerse, {failed} con error.',
    undone: '{n} foto revertida. | {n} fotos revertidas.',
    undoJob: 'Deshacer esta importación',
    undoSelected: 'Deshacer selección ({n})',
    exportReport: 'Exportar informe (CSV)',
    close: 'Cerrar',
    newImport: 'La importación se conserva: puede deshacerla más tarde desde aquí.'
  },
  resume: {
    title: 'Una importación se detuvo antes de terminar',
    body: 'La importación iniciada el {date} se detuvo tras {done} de {total} cambios.',
    resume: 'Reanudar',
    discard: 'Descartar',
    discardHint: 'Las fotos ya cambiadas siguen cambiadas; el historial de cada persona todavía permite revertirlas.'
  },
  actions: {
    title: '{file}',
    person: 'Persona',
    reassign: 'Asignar a otra persona',
    search: 'Buscar personas',
    searchPlaceholder: 'Nombre, correo o departamento',
    noResults: 'No se encontró a nadie.',
    candidates: '¿Quién es?',
    assignTo: 'Asignar a {name}',
    duplicates: 'También asignado a {name}:',
    keep: 'Conservar este archivo',
    unassign: 'Quitar la asignación',
    adjustCrop: 'Ajustar recorte…',
    turn: 'Girar {degrees}°',
    approve: 'Aplicar esta fila',
    skip: 'Omitir esta fila',
    close: 'Cerrar'
  },
  cropNoTurn: 'Una importación toma la foto derecha: recorte sin girar, o reemplace la foto de esta persona por separado.',
  dragHint: 'Suelte para asignar {file} a {name}'
}
