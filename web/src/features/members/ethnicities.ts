/**
 * The 54 ethnic groups of Viet Nam as the member forms write them (Danh mục các dân tộc
 * Việt Nam), offered as suggestions; the field still takes any spelling a register uses.
 */
export const ethnicities: readonly string[] = [
  'Kinh', 'Tày', 'Thái', 'Mường', 'Khmer', 'Hoa', 'Nùng', 'Mông', 'Dao', 'Gia Rai', 'Ê Đê', 'Ba Na', 'Sán Chay', 'Chăm',
  'Cơ Ho', 'Xơ Đăng', 'Sán Dìu', 'Hrê', 'Ra Glai', 'Mnông', 'Thổ', 'Xtiêng', 'Khơ Mú', 'Bru - Vân Kiều', 'Cơ Tu', 'Giáy',
  'Tà Ôi', 'Mạ', 'Giẻ Triêng', 'Co', 'Chơ Ro', 'Xinh Mun', 'Hà Nhì', 'Chu Ru', 'Lào', 'La Chí', 'Kháng', 'Phù Lá', 'La Hủ',
  'La Ha', 'Pà Thẻn', 'Lự', 'Ngái', 'Chứt', 'Lô Lô', 'Mảng', 'Cơ Lao', 'Bố Y', 'Cống', 'Si La', 'Pu Péo', 'Rơ Măm', 'Brâu', 'Ơ Đu',
];

/** The suggestions whose name contains the typed text, accents, case, spaces and hyphens ignored. */
export function ethnicityOptions(text: string): { value: string }[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[\s-]+/g, '').toLowerCase();
  const wanted = fold(text.trim());
  return ethnicities.filter((e) => fold(e).includes(wanted)).map((value) => ({ value }));
}
