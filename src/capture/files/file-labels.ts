// French names of the file types we recognise but do not take, so a refusal tells the agent
// (and the sender) what the file really is.

const LABELS: Record<string, string> = {
  docx: 'document Word (.docx)', docm: 'document Word avec macros (.docm)', dotx: 'modèle Word (.dotx)',
  dotm: 'modèle Word avec macros (.dotm)', xlsx: 'classeur Excel (.xlsx)', xlsm: 'classeur Excel avec macros (.xlsm)',
  pptx: 'présentation PowerPoint (.pptx)', ppsx: 'diaporama PowerPoint (.ppsx)', vsdx: 'dessin Visio (.vsdx)',
  cfb: 'document Microsoft Office ancien format (.doc, .xls, .ppt ou .msg)',
  odt: 'document OpenDocument texte (.odt)', ods: 'classeur OpenDocument (.ods)', odp: 'présentation OpenDocument (.odp)',
  odg: 'dessin OpenDocument (.odg)', ott: 'modèle OpenDocument texte (.ott)', rtf: 'document RTF (.rtf)',
  epub: 'livre numérique EPUB', mobi: 'livre numérique Mobipocket', xml: 'fichier XML', ics: 'invitation de calendrier (.ics)',
  vcf: 'carte de visite électronique (.vcf)', pgp: 'message chiffré ou signé PGP', pst: 'archive de messagerie Outlook (.pst)',
  zip: 'archive ZIP', rar: 'archive RAR', '7z': 'archive 7-Zip', gz: 'archive gzip', 'tar.gz': 'archive tar.gz', tar: 'archive tar',
  bz2: 'archive bzip2', xz: 'archive xz', zst: 'archive Zstandard', cab: 'archive CAB', lz: 'archive lzip', lz4: 'archive LZ4',
  arj: 'archive ARJ', ace: 'archive ACE', cpio: 'archive cpio', dmg: 'image disque macOS (.dmg)',
  gif: 'image GIF', bmp: 'image BMP', webp: 'image WebP', heic: 'photo HEIC (iPhone)', avif: 'image AVIF',
  jxl: 'image JPEG XL', jp2: 'image JPEG 2000', jpx: 'image JPEG 2000', j2c: 'image JPEG 2000', jxr: 'image JPEG XR',
  psd: 'image Photoshop (.psd)', ico: 'icône (.ico)', icns: 'icône macOS', xcf: 'image GIMP (.xcf)', bpg: 'image BPG',
  cr2: 'photo brute d’appareil (Canon)', cr3: 'photo brute d’appareil (Canon)', nef: 'photo brute d’appareil (Nikon)',
  arw: 'photo brute d’appareil (Sony)', dng: 'photo brute d’appareil (DNG)', orf: 'photo brute d’appareil (Olympus)',
  rw2: 'photo brute d’appareil (Panasonic)', raf: 'photo brute d’appareil (Fujifilm)',
  eps: 'image PostScript encapsulé (.eps)', ps: 'document PostScript (.ps)', dwg: 'plan AutoCAD (.dwg)',
  mp3: 'fichier audio MP3', wav: 'fichier audio WAV', m4a: 'fichier audio M4A', ogg: 'fichier audio ou vidéo Ogg',
  flac: 'fichier audio FLAC', amr: 'enregistrement audio AMR', mp4: 'vidéo MP4', mov: 'vidéo QuickTime', avi: 'vidéo AVI',
  mkv: 'vidéo Matroska', webm: 'vidéo WebM', '3gp': 'vidéo 3GP', mpg: 'vidéo MPEG', wmv: 'vidéo Windows Media', asf: 'vidéo Windows Media',
  woff: 'police de caractères', woff2: 'police de caractères', ttf: 'police de caractères', otf: 'police de caractères',
  sqlite: 'base de données SQLite', parquet: 'fichier de données Parquet', swf: 'animation Flash (.swf)',
};

const EXECUTABLE_LABELS: Record<string, string> = {
  exe: 'exécutable Windows (PE)', elf: 'exécutable Linux (ELF)', macho: 'exécutable macOS (Mach-O)',
  dex: 'exécutable Android (DEX)', apk: 'application Android (.apk)', class: 'programme Java compilé (.class)',
  jar: 'archive Java exécutable (.jar)', wasm: 'programme WebAssembly', deb: 'paquet d’installation Debian (.deb)',
  rpm: 'paquet d’installation RPM (.rpm)', lnk: 'raccourci Windows (.lnk)', crx: 'extension de navigateur (Chrome)',
  xpi: 'extension de navigateur (Firefox)', msi: 'installateur Windows (.msi)',
};

export function isExecutableType(ext: string): boolean {
  return ext in EXECUTABLE_LABELS;
}

export function frenchTypeLabel(ext: string, mime?: string): string {
  return EXECUTABLE_LABELS[ext] ?? LABELS[ext] ?? `fichier .${ext}${mime ? ` (${mime})` : ''}`;
}
