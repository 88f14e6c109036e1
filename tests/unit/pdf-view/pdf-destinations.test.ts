import { describe, expect, it } from 'vitest';
import { destinationPageRef, destinationSpot } from '../../../renderer/src/pdf/pdf-destinations';

const ref = { num: 12, gen: 0 };

describe('PDF destinations', () => {
  it('name the spot to bring to the top, by kind', () => {
    expect(destinationSpot([ref, { name: 'XYZ' }, 72, 700, null])).toEqual({ left: 72, top: 700 });
    expect(destinationSpot([ref, { name: 'XYZ' }, null, null, 0])).toEqual({ left: null, top: null });
    expect(destinationSpot([ref, { name: 'FitH' }, 500])).toEqual({ left: null, top: 500 });
    expect(destinationSpot([ref, { name: 'FitBV' }, 40])).toEqual({ left: 40, top: null });
    expect(destinationSpot([ref, { name: 'FitR' }, 10, 20, 300, 400])).toEqual({ left: 10, top: 400 });
    expect(destinationSpot([ref, { name: 'Fit' }])).toEqual({ left: null, top: null });
    expect(destinationSpot([ref, null, 'nonsense'])).toEqual({ left: null, top: null });
  });

  it('name their page by reference or by index, and nothing else', () => {
    expect(destinationPageRef([ref, { name: 'Fit' }])).toEqual(ref);
    expect(destinationPageRef([3, { name: 'Fit' }])).toBe(3);
    expect(destinationPageRef(['page 3', { name: 'Fit' }])).toBeNull();
    expect(destinationPageRef([-1, { name: 'Fit' }])).toBeNull();
  });
});
