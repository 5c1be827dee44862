import sharp from 'sharp';
for (const f of process.argv.slice(2)) await sharp(f).resize(400).png().toFile(f + '.small.png');
