import sharp from 'sharp';
const { data, info } = await sharp('/tmp/x.png').grayscale().raw().toBuffer({ resolveWithObject: true });
console.log(info);
const small = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).resize(300, 200, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
console.log(small.info);
