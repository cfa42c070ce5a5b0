/** A valid election setup body for tests: 15 seats from 18 candidates (surplus 3 of at most 4). */
export function setupBody(unitId: string, headUserId: string, operatorIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    unitId,
    title: 'Đại hội Đảng bộ lần thứ XX — bầu Ban Chấp hành',
    body: 'committee',
    heldOn: '2025-06-01',
    seats: 15,
    candidates: Array.from({ length: 18 }, (_, i) => ({ fullName: `Ứng Cử Viên ${i + 1}`, memberId: null })),
    convened: 100,
    votersPresent: 95,
    exclusions: [{ kind: 'detained', person: 'Người Bị Tạm Giam', reason: 'Đang bị tạm giam' }],
    committee: [{ fullName: 'Trưởng Ban Kiểm Phiếu', role: 'head' }, { fullName: 'Ủy Viên Kiểm Phiếu', role: 'member' }],
    headUserId,
    operatorIds,
    ...overrides,
  };
}

