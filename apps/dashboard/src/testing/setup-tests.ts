// jest-dom's matchers (toBeInTheDocument, toHaveAccessibleName, …) for the component tests.
import '@testing-library/jest-dom/jest-globals';
