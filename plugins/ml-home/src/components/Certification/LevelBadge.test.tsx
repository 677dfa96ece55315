import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { LevelBadge, formatScore } from './LevelBadge';

describe('LevelBadge', () => {
  it('names the level in text, for screen readers with what it is', async () => {
    await renderInTestApp(<LevelBadge level="gold" score={2.5} />);
    const badge = screen.getByTestId('certification-level-badge');
    expect(badge).toHaveTextContent('Certification level: Gold · 2.5');
    expect(badge).toHaveAttribute('data-level', 'gold');
    expect(screen.getByText('Certification level:')).toBeInTheDocument();
  });

  it('shows a level the organisation named itself as configured', async () => {
    await renderInTestApp(<LevelBadge level="diamond" />);
    expect(screen.getByTestId('certification-level-badge')).toHaveTextContent(
      'Certification level: diamond',
    );
  });

  it('says when a model was never evaluated', async () => {
    await renderInTestApp(<LevelBadge level={undefined} />);
    expect(screen.getByTestId('certification-level-badge')).toHaveTextContent(
      'Not evaluated',
    );
  });

  it('formats half points', () => {
    expect(formatScore(0)).toBe('0');
    expect(formatScore(2)).toBe('2');
    expect(formatScore(1.5)).toBe('1.5');
  });
});
