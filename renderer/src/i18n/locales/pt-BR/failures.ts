/** Brazilian Portuguese: what the user reads about failures. Part of index.ts. */
export const ptBRFailures = {
  photoErrors: {
    thePerson: 'A pessoa',
    theFile: 'O arquivo',
    keepsOld: '{name} continua com a foto antiga.',
    keepsNone: '{name} continua sem foto.',
    authExpired: 'Sua sessão em {portal} terminou. Entre novamente: a alteração da foto de {name} continua sozinha depois.',
    forbiddenUrl:
      'O DocSpace 3.7.1 e posteriores só buscam fotos em endereços https:// públicos: nada de http:// nem de endereços privados ou locais como 10.x, 172.16–31.x, 192.168.x, 127.x ou 169.254.x. Use um link https público que leve direto à imagem.',
    notFound: '{name} não está mais em {portal}. Atualize a lista.',
    rejected: '{portal} recusou a foto: “{detail}”.',
    rejectedNoDetail: '{portal} recusou a foto.',
    adviceSmaller: 'Use uma imagem menor.',
    adviceSmallerLimit: 'Use uma imagem menor (o portal aceita até {limit}).',
    adviceFormat: 'Salve a foto como JPEG ou PNG e tente de novo.',
    advicePermission: 'O usuário conectado não pode alterar esta foto.',
    adviceRefresh: 'Atualize a lista: a pessoa pode ter sido removida.',
    adviceGeneric: 'Tente de novo; se continuar falhando, tente outra imagem ou fale com o administrador do portal.',
    partlyApplied: 'A nova foto de {name} está em {portal}, mas com o corte quadrado centralizado do portal: a aplicação do seu corte não terminou.',
    netLost: 'A conexão com {portal} caiu; {name} continua com a foto antiga.',
    netLostNoPhoto: 'A conexão com {portal} caiu; {name} continua sem foto.',
    imageUnsupported: '“{file}” não é uma imagem que o aplicativo consiga ler. Use um arquivo JPEG, PNG, WebP, GIF, TIFF, AVIF ou HEIC.',
    imageCorrupt: '“{file}” está danificado: diz ser uma imagem, mas os pixels não podem ser lidos. Exporte-o de novo a partir do original.',
    imageTooLarge: '“{file}” é grande demais para ser processado com segurança ({width} × {height} px). Reduza-o e tente de novo.',
    imageTooLargeNoSize: '“{file}” é grande demais para ser processado com segurança. Reduza-o e tente de novo.',
    imageTooSmall: '“{file}” é pequeno demais para uma foto ({width} × {height} px). Use uma imagem maior.',
    imageTooSmallNoSize: '“{file}” é pequeno demais para uma foto. Use uma imagem maior.',
    cancelled: 'Cancelado.',
    nothingToUndo: 'Ainda não há nada para desfazer em {portal}.',
    noBackup: 'Esta foto anterior não está mais salva, então não pode ser restaurada.',
    checkConnection: 'Verifique a conexão e tente de novo.',
    lostUpload: 'A conexão com o portal caiu durante o envio da foto.',
    lostPromote: 'A conexão com o portal caiu enquanto ele passava para a nova foto, e a troca não aconteceu.',
    lostBefore: 'A conexão com o portal caiu antes de qualquer alteração.',
    lostWrite: 'A conexão com o portal caiu, e a alteração não foi feita.',
    lostUnknown:
      'A conexão caiu enquanto o portal passava para a nova foto, e o aplicativo não conseguiu verificar se {name} está com a foto antiga ou a nova. Atualize para ver; a foto antiga está salva no histórico.',
    tlsDetail: 'O certificado de segurança do portal não é confiável.',
    serverProblem: 'O portal teve um problema ({status}) e não aceitou a alteração.',
    tryAgainSoon: 'Tente de novo daqui a pouco.',
    tryAgainIn: 'Tente de novo em {seconds} s.',
    partlyCrop: '{name} agora tem a nova foto, mas com o corte quadrado centralizado do portal: a aplicação do seu corte falhou{cause}.',
    partlyVerify: '{name} agora tem a nova foto, mas a leitura de conferência falhou{cause}, então nem todos os tamanhos puderam ser conferidos. Atualize para ver e tente de novo se algo parecer errado.',
    partlyRemoved: 'A foto de {name} foi removida, mas a leitura de conferência falhou{cause}, então nem todos os tamanhos puderam ser conferidos. Atualize para ver e tente de novo se algo parecer errado.',
    addressRule: 'O DocSpace {version} recusou o endereço. Ele só busca fotos em endereços https:// públicos.',
    downloadFailed:
      'O portal não conseguiu baixar a imagem: o endereço respondeu “{answer}”. Use um link direto para o arquivo de imagem que abra sem login e sem redirecionamentos.',
    urlTooLarge: 'A imagem nesse endereço é maior do que o portal aceita. Use uma imagem menor.',
    urlNotImage: 'O portal não conseguiu usar o arquivo nesse endereço (talvez não seja uma imagem).',
    backupFailed: 'Não foi possível salvar a foto atual de {name} na pasta de dados do aplicativo (o disco está cheio?), então nada foi alterado.',
    image: {
      empty: 'O arquivo está vazio.',
      notAnImage: 'O conteúdo não é uma imagem, seja qual for o nome.',
      heic: 'Fotos HEIC não podem ser abertas neste computador. Exporte a foto como JPEG (no iPhone: Ajustes › Câmera › Formatos › Mais Compatível) e tente de novo.',
      heif: 'Esta imagem HEIF usa uma compressão sem suporte. Exporte a foto como JPEG e tente de novo.',
      damaged: 'A imagem está danificada e não pode ser lida.',
      incomplete: 'A imagem está danificada ou incompleta (por exemplo, um download que não terminou) e não pode ser lida.',
      pixels: 'A imagem tem {width} × {height} pixels ({megapixels} megapixels); podem ser usadas fotos de até {max} megapixels. Reduza-a em um editor de imagens e tente de novo.',
      bytes: 'A foto não pode ficar abaixo do limite de envio do portal de {limit} sem perder detalhes demais. Corte-a ou salve com qualidade menor e tente de novo.',
      small: 'A imagem tem só {width} × {height} pixels; uma foto precisa de pelo menos {min} pixels de cada lado.'
    },
    formats: {
      bmp: 'Imagens BMP não são aceitas. Salve a foto como JPEG ou PNG e tente de novo.',
      svg: 'Desenhos SVG não são aceitos: o portal guarda fotos. Exporte a imagem como PNG ou JPEG e tente de novo.',
      ico: 'Arquivos de ícone (.ico) não são aceitos. Use uma foto JPEG ou PNG.',
      psd: 'Documentos do Photoshop não são aceitos. Exporte a foto como JPEG ou PNG e tente de novo.',
      jxl: 'Imagens JPEG XL ainda não são aceitas. Exporte a foto como JPEG ou PNG e tente de novo.',
      jpeg2000: 'Imagens JPEG 2000 não são aceitas. Exporte a foto como JPEG ou PNG e tente de novo.',
      pdf: 'Isto é um documento PDF, não uma foto. Exporte a página como imagem JPEG ou PNG e tente de novo.'
    },
    url: {
      notAUrl: 'Isto não é um endereço da web. Cole o endereço completo da imagem, começando com https://.',
      notHttp: 'Só endereços da web (https://…) podem ser usados para uma foto.',
      credentials: 'O endereço não pode conter nome de usuário nem senha.',
      notHttps: 'Só endereços seguros (https://…) podem ser usados para uma foto; {host} foi informado sem https.',
      privateAddress:
        '{host} está em uma rede privada, local ou interna. O portal o buscaria de dentro da própria rede, por isso o aplicativo não envia endereços assim. Use um endereço https:// público da imagem.',
      unresolved: 'O aplicativo não encontrou {host} na internet. Verifique o endereço ou use um endereço https:// público da imagem.'
    }
  },
  refusal: {
    short: {
      selfOnly: 'No DocSpace 3.6+ você só pode alterar a sua própria foto',
      admin: 'O portal não permite que você altere a foto do proprietário ou de outro administrador',
      ownOnly: 'A sua função só pode alterar a sua própria foto',
      owner: 'Só o proprietário pode alterar a foto do proprietário',
      otherAdmin: 'Só o proprietário pode alterar a foto de outro administrador',
      terminated: 'O portal não altera a foto de uma pessoa desativada (desligada)'
    },
    explain: {
      selfOnly:
        '{portal} usa o DocSpace {version}: a partir da 3.6, cada pessoa só pode alterar a própria foto, inclusive administradores e o proprietário. Só {name} pode alterá-la.',
      admin: 'No DocSpace {version}, administradores podem alterar a foto de outras pessoas, mas não a do proprietário, a de outro administrador (a menos que você seja o proprietário) nem a de uma pessoa desativada.',
      ownOnly: 'No DocSpace {version}, só o proprietário e os administradores do DocSpace podem alterar a foto de outras pessoas, e você entrou como {role}.'
    },
    why: {
      selfOnly:
        'O DocSpace {version} permite que cada pessoa altere só a própria foto, e isso vale também para o proprietário e os administradores. Só {name} pode alterar esta foto, entrando com a própria conta.',
      owner: 'No DocSpace {version}, o proprietário e os administradores podem alterar a foto de outras pessoas, com exceções; aqui só o proprietário pode alterar a foto do proprietário.',
      otherAdmin: 'No DocSpace {version}, o proprietário e os administradores podem alterar a foto de outras pessoas, com exceções; aqui só o proprietário pode alterar a foto de outro administrador.',
      terminated:
        'No DocSpace {version}, o proprietário e os administradores podem alterar a foto de outras pessoas, com exceções; aqui {name} está desativado, e o portal não altera a foto de pessoas desativadas.',
      roleAdmin: 'No DocSpace {version}, o proprietário e os administradores podem alterar a foto de outras pessoas, com exceções; aqui você entrou como {role}.',
      roleOwnOnly:
        'No DocSpace {version}, só o proprietário e os administradores do DocSpace podem alterar a foto de outras pessoas, e você entrou como {role}. Peça a um administrador, ou a {name}, que a altere.'
    }
  },
  errors: {
    bulkTooManyFiles: 'Uma importação aceita no máximo 5.000 fotos. Divida a pasta e importe o restante em uma segunda importação.',
    bulkUnknownJob: 'Esta importação não existe mais. Ela pode ter sido descartada.',
    bulkBusy: 'Esta importação está em andamento. Pause ou cancele primeiro, ou aguarde até terminar.',
    bulkFileMissing: 'A cópia deste arquivo guardada pela importação está faltando ou danificada. Adicione o arquivo de novo.',
    authInvalidCredentials: 'O portal não aceitou estes dados. Confira o e-mail e a senha, ou a chave de API, e tente de novo.',
    authInvalidCode: 'Esse código não está certo. Informe o código atual e tente de novo.',
    authChallengeExpired: 'A verificação demorou demais. Entre novamente.',
    authExpired: 'Sua sessão em {portal} terminou. Entre novamente.',
    authUserDisabled: 'Este usuário está desativado em {portal}. Fale com um administrador do portal.',
    authTooManyAttempts: 'Tentativas de login demais. O portal pausou o acesso por um tempo; aguarde alguns minutos e tente de novo.',
    authNotSignedIn: 'Você não entrou em {portal} nesta sessão. Entre novamente.',
    portalForbidden: '{portal} recusou: a sua função ou as regras do portal não permitem.',
    portalNotFound: '{portal} não tem mais isto; pode ter sido excluído. Atualize a lista.',
    portalBadRequest: '{portal} rejeitou a solicitação.',
    portalPaymentRequired: 'A assinatura de {portal} precisa de pagamento. Fale com o proprietário do portal.',
    portalRateLimited: '{portal} está limitando as solicitações agora. Aguarde um momento e tente de novo.',
    portalServerError: '{portal} teve um erro interno. Tente de novo mais tarde.',
    portalRejected: '{portal} recusou a alteração.',
    portalUnexpected: '{portal} respondeu de um jeito que este aplicativo não entende. É um portal DocSpace?',
    answerTooLarge: '{portal} enviou uma resposta muito maior do que qualquer resposta real, então o aplicativo parou de lê-la. Tente de novo; se continuar acontecendo, fale com o administrador do portal.',
    answerPeopleCount: '{portal} informou números de pessoas impossíveis ou contraditórios, então a lista não foi carregada. Tente de novo mais tarde ou fale com o administrador do portal.',
    answerTokenCharacters: '{portal} respondeu ao login com um token que contém quebras de linha ou outros caracteres que o aplicativo não pode enviar, então você não entrou. Fale com o administrador do portal.',
    answerKeyCharacters: 'A chave de API contém quebras de linha, espaços nas pontas ou outros caracteres que uma chave nunca tem. Copie a chave de novo, exatamente, e cole.',
    urlInvalid: 'Isso não é um endereço de portal. Digite no formato https://docspace.example.com.',
    urlInsecure: 'Só endereços https:// são permitidos, exceto para um portal neste computador.',
    netUnreachable: 'Não foi possível acessar {portal}. Verifique o endereço e a sua conexão de rede.',
    netTimeout: '{portal} demorou demais para responder. Tente de novo.',
    netConnectionLost: 'A conexão com {portal} caiu. Tente de novo.',
    netTls: 'O certificado de segurança de {portal} não é válido, então o aplicativo não vai se conectar. Fale com a sua equipe de TI.',
    keychainUnavailable: 'O chaveiro do sistema não pode ser usado, então seu acesso dura até você fechar o aplicativo.',
    imageUnsupported: 'Este arquivo não está em um formato de imagem que o aplicativo consiga ler.',
    imageCorrupt: 'A imagem está danificada e não pode ser lida.',
    imageTooLarge: 'A imagem é grande demais para ser processada.',
    imageTooSmall: 'A imagem é pequena demais.',
    photoPartlyApplied: 'A nova foto está em {portal}, mas uma etapa posterior não terminou.',
    photoNoBackup: 'Não há foto anterior para trazer de volta.',
    inputInvalid: 'O aplicativo enviou uma solicitação inválida. Isto é um defeito; por favor, informe.',
    appCancelled: 'Cancelado.',
    appInternal: 'Algo deu errado dentro do aplicativo. Tente de novo; se continuar acontecendo, reinicie o aplicativo.',
    thePortal: 'o portal',
    portalSaid: 'O portal disse: “{detail}”'
  }
}
