import './styles.css';
import { startDashboard } from './dashboard.js';

startDashboard();
