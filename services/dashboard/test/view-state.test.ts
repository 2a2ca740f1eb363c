import { describe, expect, it } from 'vitest';
import { readFragment, writeFragment } from '../src/state/url-state.js';
import { defaultViewState, effectiveOrder, toArticleFilter, toggle, type ViewState } from '../src/state/view-state.js';

describe('view state in the URL fragment', () => {
  it('writes nothing for the default view and reads it back', () => {
    expect(writeFragment(defaultViewState())).toBe('');
    expect(readFragment('')).toEqual(defaultViewState());
  });

  it('round-trips every field', () => {
    const state: ViewState = {
      filter: {
        search: '"Barkhane" -Mali',
        from: '2021-01-01',
        to: '2021-12-31',
        countries: ['ML', 'FR'],
        actors: ['wagner-group'],
        eventTypes: ['troop_withdrawal'],
        sourceIds: ['rfi-afrique'],
        languages: ['fr'],
        relevantOnly: false,
      },
      interval: 'WEEK',
      order: 'RELEVANCE',
    };
    const fragment = writeFragment(state);
    expect(fragment).toContain('country=ML%2CFR');
    expect(readFragment(fragment)).toEqual(state);
  });

  it('drops malformed values instead of failing', () => {
    const state = readFragment('#from=yesterday&to=2021-02-30x&interval=hourly&sort=random&country=,,ML,ML');
    expect(state.filter.from).toBeNull();
    expect(state.filter.to).toBeNull();
    expect(state.interval).toBe('MONTH');
    expect(state.order).toBe('NEWEST');
    expect(state.filter.countries).toEqual(['ML']);
  });
});

describe('toArticleFilter', () => {
  it('leaves empty fields out and makes the end date inclusive', () => {
    const filter = {
      ...defaultViewState().filter,
      from: '2021-06-01',
      to: '2021-06-30',
      countries: ['ML'],
      search: '  ',
    };
    expect(toArticleFilter(filter)).toEqual({
      from: '2021-06-01T00:00:00Z',
      to: '2021-07-01T00:00:00Z',
      countries: ['ML'],
      relevantOnly: true,
    });
  });

  it('crosses a year end', () => {
    expect(toArticleFilter({ ...defaultViewState().filter, to: '2021-12-31' }).to).toBe('2022-01-01T00:00:00Z');
  });
});

describe('toggle and effectiveOrder', () => {
  it('adds and removes a value', () => {
    expect(toggle(['ML'], 'FR')).toEqual(['ML', 'FR']);
    expect(toggle(['ML', 'FR'], 'ML')).toEqual(['FR']);
  });

  it('falls back to newest when best match has no search', () => {
    const state = { ...defaultViewState(), order: 'SEARCH_RANK' as const };
    expect(effectiveOrder(state)).toBe('NEWEST');
    expect(effectiveOrder({ ...state, filter: { ...state.filter, search: 'Wagner' } })).toBe('SEARCH_RANK');
  });
});
